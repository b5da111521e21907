package dev.accord.web.api.security;

/**
 * The roles a key gives, to name in {@code @RolesAllowed}: the key of an intake source or an
 * operator's.
 */
public final class Roles {

  /** A source's key: it sends leads and reads its own. */
  public static final String INTAKE_SOURCE = "intake-source";

  /** An operator's key ({@code accord.operator.keys}): it reads everything and runs Accord. */
  public static final String OPERATOR = "operator";

  private Roles() {}
}
