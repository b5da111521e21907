package dev.accord.web.api.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers JAX-RS's own refusals (unknown path, wrong method, unsupported media type) as problem
 * details too, so a client parses every error the same way.
 */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException refused) {
    Response original = refused.getResponse();
    Response.StatusType status = original.getStatusInfo();
    Problem problem =
        new Problem(
            "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail(status), null);
    Response.ResponseBuilder answer = Response.fromResponse(original).entity(problem);
    return answer.type(Problem.MEDIA_TYPE).build();
  }

  private static String detail(Response.StatusType status) {
    return switch (status.getStatusCode()) {
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 415 -> "Send the lead as JSON with 'Content-Type: application/json'.";
      case 406 -> "This API answers in JSON only.";
      default -> status.getReasonPhrase();
    };
  }
}
