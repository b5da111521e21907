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

  private IntakeHeaders() {}
}
