package dev.accord.sla.control;

import dev.accord.routes.intake.FieldError;

/** An activity the caller's key may not record under the name it gave; nothing was recorded. */
public class ActivityRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FieldError error;

  public ActivityRefusedException(FieldError error) {
    super(error.toString());
    this.error = error;
  }

  /** The field at fault and why. */
  public FieldError error() {
    return error;
  }
}
