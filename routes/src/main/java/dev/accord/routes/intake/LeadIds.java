package dev.accord.routes.intake;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Derives a lead's id from who sent it and the sender's own id, so a repeated submission gets the
 * first submission's id and can be recognised as a repeat instead of becoming a second lead.
 */
public final class LeadIds {

  // Ids derived from this prefix are stored with every lead; changing it would make every repeat
  // after an upgrade look new, so it is fixed for good.
  private static final String NAMESPACE = "accord-lead:";

  private LeadIds() {}

  public static UUID forSubmission(String intakeSource, String externalId) {
    Objects.requireNonNull(intakeSource, "intakeSource");
    Objects.requireNonNull(externalId, "externalId");
    // The NUL separator keeps ("ab", "c") and ("a", "bc") apart; neither part can contain it
    // meaningfully.
    String name = NAMESPACE + intakeSource + '\u0000' + externalId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
