package dev.accord.routes.intake;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A submission exactly as the sender typed it, before any check: the common input every channel's
 * parser produces and {@link LeadSubmissionValidator} judges.
 *
 * <p>{@code employees} is a {@link BigInteger} so that an absurd head count is reported as out of
 * range rather than as not a number. {@code unreadable} lists the fields the parser could not read
 * (wrong type, unknown name); they are left null here and reported together with what the validator
 * finds, so one rejection names everything that is wrong.
 */
record LeadSubmission(
    String externalId,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    BigInteger employees,
    String country,
    String phone,
    String source,
    String action,
    String industry,
    String message,
    Map<String, String> attributes,
    List<FieldError> unreadable) {

  LeadSubmission {
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
    unreadable = List.copyOf(unreadable);
  }
}
