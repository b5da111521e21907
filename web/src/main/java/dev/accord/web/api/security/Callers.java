package dev.accord.web.api.security;

import dev.accord.intake.control.IntakeSources.Caller;
import jakarta.ws.rs.core.SecurityContext;

/** Reads who is calling from a request's security context, as {@link IntakeKeyFilter} set it. */
public final class Callers {

  private Callers() {}

  public static Caller of(SecurityContext context) {
    return new Caller(context.getUserPrincipal().getName(), context.isUserInRole(Roles.OPERATOR));
  }
}
