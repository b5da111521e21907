package dev.accord.routes.intake;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Owns how intake routes fail, so that each flow states only which policy it runs under and the
 * policies can be read and changed in one place.
 *
 * <p>{@value #ID}: for flows whose sender waits for the answer (HTTP). The exception goes back to
 * the caller unchanged, which answers 400 for an {@link InvalidLeadException} and 503 for anything
 * else; Camel neither retries (the sender is waiting and may retry itself, safely, since lead ids
 * are idempotent) nor logs a sender's typo as a route error.
 */
public final class IntakeRouteConfiguration extends RouteConfigurationBuilder {

  static final String ID = "synchronous-intake";

  @Override
  public void configuration() {
    routeConfiguration(ID).errorHandler(noErrorHandler());
  }
}
