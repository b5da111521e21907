package dev.accord.web.api.problems;

import dev.accord.intake.control.RequestSignatures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers 401 to a signed source's request whose signature is missing, wrong, stale or reused. */
@Provider
public class SignatureRefusedMapper implements ExceptionMapper<RequestSignatures.RefusedException> {

  @Override
  public Response toResponse(RequestSignatures.RefusedException refused) {
    return Problem.of(
            Response.Status.UNAUTHORIZED,
            "signature-refused",
            refused.getMessage() + " Nothing was stored.")
        .toResponse();
  }
}
