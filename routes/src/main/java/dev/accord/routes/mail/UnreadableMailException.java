package dev.accord.routes.mail;

/**
 * Signals that a mail cannot be read as a lead at all (no sender, broken MIME, too large, no text),
 * so it is quarantined instead of retried: reading it again would fail the same way.
 *
 * <p>The message is a plain-language reason an operator can act on; it never quotes the mail.
 */
public final class UnreadableMailException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnreadableMailException(String reason) {
    super(reason);
  }

  public UnreadableMailException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
