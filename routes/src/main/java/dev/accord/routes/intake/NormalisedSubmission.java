package dev.accord.routes.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A submission that passed every check, with its values in canonical form, waiting only for the
 * lead id and time of receipt that make it an {@link IncomingLead}.
 */
record NormalisedSubmission(
    String intakeSource,
    String externalId,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    Integer employees,
    String country,
    String phone,
    String source,
    String action,
    String industry,
    String message,
    Map<String, String> attributes) {

  IncomingLead accept(UUID leadId, Instant receivedAt, String channel, String reference) {
    return new IncomingLead(
        leadId,
        intakeSource,
        externalId,
        receivedAt,
        email,
        firstName,
        lastName,
        company,
        title,
        employees,
        country,
        phone,
        source,
        action,
        industry,
        message,
        attributes,
        channel,
        reference);
  }
}
