package dev.accord.web.api.problems;

import dev.accord.routes.intake.InvalidLeadException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a lead that failed validation with 400 and every bad field. */
@Provider
public class InvalidLeadMapper implements ExceptionMapper<InvalidLeadException> {

  @Override
  public Response toResponse(InvalidLeadException invalid) {
    return Problem.invalidLead(
            Response.Status.BAD_REQUEST,
            invalid.errors().size() == 1
                ? "1 field is not valid; nothing was stored."
                : invalid.errors().size() + " fields are not valid; nothing was stored.",
            invalid.errors().stream()
                .map(e -> new Problem.FieldProblem(e.field(), e.reason()))
                .toList())
        .toResponse();
  }
}
