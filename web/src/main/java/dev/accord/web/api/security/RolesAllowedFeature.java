package dev.accord.web.api.security;

import dev.accord.web.api.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on the resources (on a method, else on its class) against the role
 * of the request's key, before the resource reads anything, so that who may call what is declared
 * where the call is, once. A refusal is a 403 problem document saying which key is needed.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed != null) {
      context.register(new RoleCheck(List.of(allowed.value())), Priorities.AUTHORIZATION);
    }
  }

  /** Lets a request through only if its key has one of the roles. */
  @Priority(Priorities.AUTHORIZATION)
  private record RoleCheck(List<String> roles) implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      if (roles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        request.abortWith(refusal().toResponse());
      }
    }

    private Problem refusal() {
      if (roles.equals(List.of(Roles.OPERATOR))) {
        return Problem.operatorsOnly();
      }
      if (roles.equals(List.of(Roles.INTAKE_SOURCE))) {
        return Problem.intakeSourcesOnly();
      }
      return Problem.of(
          Response.Status.FORBIDDEN,
          "key-not-allowed",
          "This needs the key of one of: " + String.join(", ", roles) + ".");
    }
  }
}
