package dev.accord.routes.intake;

/**
 * Names of the message headers the intake flow shares with its callers and with consumers of the
 * leads queue; they double as JMS property names, so they stay valid Java identifiers.
 */
public final class IntakeHeaders {

  /** The authenticated intake source (e.g. {@code demo-web}); the caller must set it. */
  public static final String INTAKE_SOURCE = "AccordIntakeSource";

  /** The lead id the flow assigned, in {@link java.util.UUID#toString()} form. */
  public static final String LEAD_ID = "AccordLeadId";

  /**
   * The sender's idempotency key when the lead carries no externalId: an {@code Idempotency-Key}
   * header, a mail's Message-ID, a file's content hash and row. Without either, the lead's own
   * normalised content is the key, so a retried request never becomes a second lead.
   */
  public static final String IDEMPOTENCY_KEY = "AccordIdempotencyKey";

  /** How the lead arrived ({@code api} when unset); see {@link IncomingLead#channel()}. */
  public static final String CHANNEL = "AccordChannel";

  /** What identifies the lead on its channel, e.g. a form id or {@code feed.csv row 7}. */
  public static final String CHANNEL_REFERENCE = "AccordChannelReference";

  private IntakeHeaders() {}
}
