/**
 * Who may call the API: every request carries the bearer key of an intake source or an operator
 * ({@link dev.accord.web.api.security.IntakeKeyFilter}); resources declare the calls only an
 * operator may make with {@code @RolesAllowed(Roles.OPERATOR)} ({@link
 * dev.accord.web.api.security.RolesAllowedFeature}).
 */
package dev.accord.web.api.security;
