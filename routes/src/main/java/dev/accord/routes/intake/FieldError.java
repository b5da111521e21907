package dev.accord.routes.intake;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason a submission was rejected, naming the field so the sender can fix exactly that.
 *
 * <p>Serializable because it travels inside {@link InvalidLeadException}.
 *
 * @param field the JSON field name as the sender wrote it, or {@code body} for the whole request
 * @param reason a plain-language reason, written to follow the field name
 */
public record FieldError(String field, String reason) implements Serializable {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return field + " " + reason;
  }
}
