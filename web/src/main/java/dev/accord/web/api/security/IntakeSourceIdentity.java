package dev.accord.web.api.security;

import dev.accord.intake.control.IntakeSources.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a request sent with a valid key: an intake source or an operator. */
record IntakeSourceIdentity(Caller caller, boolean secure) implements SecurityContext {

  @Override
  public Principal getUserPrincipal() {
    return caller::name;
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.operator() ? Roles.OPERATOR.equals(role) : Roles.INTAKE_SOURCE.equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
