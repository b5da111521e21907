package dev.accord.web.api.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a failure nobody foresaw with a problem document and an incident id to quote, and logs
 * the details under that id instead of showing them to the caller.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Override
  public Response toResponse(Exception failure) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Incident " + incident, failure);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "unexpected-failure",
            "Accord could not answer this request; quote incident " + incident + ".")
        .toResponse();
  }
}
