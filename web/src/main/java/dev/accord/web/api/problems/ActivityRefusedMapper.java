package dev.accord.web.api.problems;

import dev.accord.sla.control.ActivityRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers an activity the key may not record under the name it gave with 403, naming {@code by} and
 * whom the key records as.
 */
@Provider
public class ActivityRefusedMapper implements ExceptionMapper<ActivityRefusedException> {

  @Override
  public Response toResponse(ActivityRefusedException refused) {
    return new Problem(
            "https://accord.dev/problems/activity-author-refused",
            "The key may not record activities under this name",
            Response.Status.FORBIDDEN.getStatusCode(),
            "Nothing was recorded.",
            List.of(new Problem.FieldProblem(refused.error().field(), refused.error().reason())))
        .toResponse();
  }
}
