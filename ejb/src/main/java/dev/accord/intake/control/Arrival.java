package dev.accord.intake.control;

/**
 * How a submission reached Accord, beyond the source that sent it.
 *
 * @param channel {@code api}, {@code form}, {@code webhook}, {@code mail}, {@code file}, {@code
 *     sftp} or {@code jms}
 * @param reference what identifies it on the channel (a form id, a Message-ID), or null
 * @param idempotencyKey the sender's key for the lead when it has no externalId, or null
 */
public record Arrival(String channel, String reference, String idempotencyKey) {

  /** A lead posted to the JSON API, keyed by its {@code Idempotency-Key} header if it had one. */
  public static Arrival api(String idempotencyKey) {
    return new Arrival("api", null, idempotencyKey);
  }
}
