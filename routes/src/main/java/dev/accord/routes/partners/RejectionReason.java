package dev.accord.routes.partners;

import dev.accord.routes.intake.FieldError;
import dev.accord.routes.intake.InvalidLeadException;
import java.util.stream.Collectors;
import org.apache.camel.util.ObjectHelper;

/**
 * The one wording of why a row or message did not become a lead, shared by the rejects file and the
 * quarantine, so a partner and an operator read the same reason.
 *
 * <p>It is safe to store and show: intake's field errors name fields and quote at most a country,
 * never an address or a phone number, and {@link UnreadableInputException} never quotes input.
 */
final class RejectionReason {

  private RejectionReason() {}

  static String of(Exception caught) {
    InvalidLeadException invalid = ObjectHelper.getException(InvalidLeadException.class, caught);
    if (invalid != null) {
      return invalid.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
    UnreadableInputException unreadable =
        ObjectHelper.getException(UnreadableInputException.class, caught);
    if (unreadable != null) {
      return unreadable.getMessage();
    }
    throw new IllegalArgumentException("Not a rejection: " + caught, caught);
  }
}
