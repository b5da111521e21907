package dev.accord.routes.partners;

/**
 * Signals that a feed file as a whole cannot be read (no header, a required column missing, not
 * UTF-8, too large): it is quarantined and set aside whole, since no row of it can be trusted.
 *
 * <p>The message never quotes the file's content, only its structure.
 */
final class UnusableFeedException extends Exception {

  private static final long serialVersionUID = 1L;

  UnusableFeedException(String reason) {
    super(reason, null, false, false);
  }
}
