package dev.accord.web.api.security;

import dev.accord.intake.control.IntakeSources.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a request sent with a valid key: an intake source or an operator. */
record IntakeSourceIdentity(Caller caller, boolean secure) implements SecurityContext {

  static final String INTAKE_SOURCE_ROLE = "intake-source";

  static final String OPERATOR_ROLE = "operator";

  @Override
  public Principal getUserPrincipal() {
    return caller::name;
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.operator() ? OPERATOR_ROLE.equals(role) : INTAKE_SOURCE_ROLE.equals(role);
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
