package dev.accord.web.api.problems;

import dev.accord.sla.control.InvalidActivityException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an activity or dispute the client must fix with 400 and every field at fault. */
@Provider
public class InvalidActivityMapper implements ExceptionMapper<InvalidActivityException> {

  @Override
  public Response toResponse(InvalidActivityException invalid) {
    int count = invalid.errors().size();
    return new Problem(
            "https://accord.dev/problems/invalid-request",
            "The request is not valid",
            Response.Status.BAD_REQUEST.getStatusCode(),
            (count == 1 ? "1 field is not valid" : count + " fields are not valid")
                + "; nothing was recorded.",
            invalid.errors().stream()
                .map(e -> new Problem.FieldProblem(e.field(), e.reason()))
                .toList())
        .toResponse();
  }
}
