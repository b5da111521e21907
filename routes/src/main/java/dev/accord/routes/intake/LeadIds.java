package dev.accord.routes.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /** The id of a lead sent without externalId, from the channel's idempotency key. */
  public static UUID forIdempotencyKey(String intakeSource, String idempotencyKey) {
    return forSubmission(intakeSource, "\u0001key:" + idempotencyKey);
  }

  /**
   * The id of a lead sent with neither externalId nor idempotency key, from what it says and the
   * window of time it arrived in.
   */
  public static UUID forContent(String intakeSource, long window, byte[] normalisedContent) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalisedContent);
      return forSubmission(
          intakeSource, "\u0001content:" + window + ":" + HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  public static UUID forSubmission(String intakeSource, String externalId) {
    Objects.requireNonNull(intakeSource, "intakeSource");
    Objects.requireNonNull(externalId, "externalId");
    // The NUL separator keeps ("ab", "c") and ("a", "bc") apart; neither part can contain it
    // meaningfully.
    String name = NAMESPACE + intakeSource + '\u0000' + externalId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
