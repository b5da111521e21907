package dev.accord.routes.intake;

import java.util.Objects;

/**
 * Where the intake flow listens and where it hands leads on, supplied by the deployment so the
 * route never hard-codes a broker or queue name.
 *
 * @param intake the endpoint callers send raw submissions to, e.g. {@code direct:lead-intake}
 * @param leadsQueue the endpoint accepted leads are queued on, e.g. {@code
 *     jms:queue:accord.leads.received}
 */
public record IntakeEndpoints(String intake, String leadsQueue) {

  public IntakeEndpoints {
    requireUri(intake, "intake");
    requireUri(leadsQueue, "leadsQueue");
  }

  private static void requireUri(String uri, String name) {
    Objects.requireNonNull(uri, name);
    if (uri.isBlank()) {
      throw new IllegalArgumentException(name + " endpoint URI is blank");
    }
  }
}
