package dev.accord.sla.control;

import dev.accord.routes.intake.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** An activity the client must fix, with every field at fault; nothing of it was recorded. */
public class InvalidActivityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public InvalidActivityException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
