package dev.accord.web.api.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a request sent by an authenticated intake source. */
record IntakeSourceIdentity(String source, boolean secure) implements SecurityContext {

  static final String INTAKE_SOURCE_ROLE = "intake-source";

  @Override
  public Principal getUserPrincipal() {
    return this::source;
  }

  @Override
  public boolean isUserInRole(String role) {
    return INTAKE_SOURCE_ROLE.equals(role);
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
