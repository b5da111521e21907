package dev.accord.intake.control;

/** The lead could not be handed to the broker; nothing was accepted and the sender should retry. */
public class IntakeUnavailableException extends RuntimeException {

  public IntakeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
