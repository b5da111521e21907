package dev.accord.routes.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Signals that a submission is the sender's mistake, carrying every field error at once so the
 * boundary can answer 400 with all of them instead of one per round trip.
 */
public final class InvalidLeadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public InvalidLeadException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** The field errors, in the order of the fields in a lead; never empty. */
  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rejected lead needs at least one field error");
    }
    return errors.stream()
        .map(FieldError::toString)
        .collect(Collectors.joining("; ", "Lead rejected: ", ""));
  }
}
