package dev.accord.web.api.security;

import dev.accord.intake.control.IntakeSources;
import dev.accord.web.api.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Lets a request in only with the bearer key of a known intake source, and tells the resources
 * which source it is through the security context's principal. Leads hold personal data, so reading
 * them needs a key too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class IntakeKeyFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject IntakeSources sources;

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<IntakeSources.Caller> caller =
        authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? sources.authenticate(authorization.substring(BEARER.length()).trim())
            : Optional.empty();
    if (caller.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  Problem.of(
                          Response.Status.UNAUTHORIZED,
                          "unauthorized",
                          authorization == null
                              ? "Send the intake key as 'Authorization: Bearer <key>'."
                              : "The intake key is not valid.")
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accord\"")
              .build());
      return;
    }
    request.setSecurityContext(
        new IntakeSourceIdentity(caller.get(), request.getSecurityContext().isSecure()));
  }
}
