package dev.accord.web.api.problems;

import dev.accord.intake.control.IntakeUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers 503 when a lead could not be queued, so the sender retries rather than assumes. */
@Provider
public class IntakeUnavailableMapper implements ExceptionMapper<IntakeUnavailableException> {

  private static final Logger LOG = Logger.getLogger(IntakeUnavailableMapper.class.getName());

  @Override
  public Response toResponse(IntakeUnavailableException unavailable) {
    LOG.log(Level.WARNING, unavailable.getMessage(), unavailable);
    return Response.fromResponse(
            Problem.of(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "intake-unavailable",
                    "The lead was not accepted because it could not be queued; send it again.")
                .toResponse())
        .header(HttpHeaders.RETRY_AFTER, 5)
        .build();
  }
}
