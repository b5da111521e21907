package dev.accord.routes.partners;

/**
 * Signals that one row or message could not even be read as fields (wrong column count, broken
 * JSON), so it is quarantined like an invalid lead instead of failing the whole feed.
 *
 * <p>The message never quotes the input: it is stored as the quarantine reason, and the input may
 * hold personal data.
 */
final class UnreadableInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableInputException(String reason) {
    super(reason, null, false, false);
  }
}
