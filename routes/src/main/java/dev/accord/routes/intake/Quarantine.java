package dev.accord.routes.intake;

/**
 * Where a channel puts what it could not turn into a lead (an unreadable mail, a bad row of a
 * partner file) with the reason, so that an operator can see it, fix it and replay it instead of it
 * vanishing. Implemented by the deployment, which stores it durably.
 */
public interface Quarantine {

  /**
   * Keeps one rejected input. Must not throw for a well-formed item: a channel calls it and goes on
   * with the next input.
   */
  void hold(Quarantined item);

  /**
   * One input a channel could not accept.
   *
   * @param channel {@code mail}, {@code file}, {@code sftp} or {@code jms}
   * @param intakeSource the source the input would have been a lead of
   * @param reference what identifies it for a person: a Message-ID, {@code feed.csv row 7}
   * @param idempotencyKey the key a replayed, fixed lead keeps, so a replay is still taken once
   * @param reason why it was not accepted, without personal data
   * @param content the input as received (a mail's source, a row), possibly truncated
   */
  record Quarantined(
      String channel,
      String intakeSource,
      String reference,
      String idempotencyKey,
      String reason,
      String content) {}
}
