package dev.accord.intake.control;

import dev.accord.platform.camel.CamelBootstrap;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.routes.intake.IntakeHeaders;
import dev.accord.routes.intake.InvalidLeadException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * Hands a raw lead submission to the intake route and answers with the lead id once the broker
 * holds it, or with why it was refused.
 */
@ApplicationScoped
public class LeadIntake {

  @Inject CamelBootstrap camel;

  @Inject AccordSettings settings;

  /**
   * @throws InvalidLeadException naming each bad field
   * @throws IntakeUnavailableException when the lead could not be queued
   */
  public UUID submit(byte[] body, String intakeSource, Arrival arrival) {
    Exchange exchange =
        camel
            .producer()
            .send(
                settings.intakeUri(),
                e -> {
                  e.getIn().setBody(body);
                  e.getIn().setHeader(IntakeHeaders.INTAKE_SOURCE, intakeSource);
                  e.getIn().setHeader(IntakeHeaders.CHANNEL, arrival.channel());
                  e.getIn().setHeader(IntakeHeaders.CHANNEL_REFERENCE, arrival.reference());
                  e.getIn().setHeader(IntakeHeaders.IDEMPOTENCY_KEY, arrival.idempotencyKey());
                });
    Exception failure = exchange.getException();
    if (failure instanceof InvalidLeadException invalid) {
      throw invalid;
    }
    if (failure != null && brokerUnavailable(failure)) {
      throw new IntakeUnavailableException("The lead could not be queued", failure);
    }
    if (failure != null) {
      // Accord's fault, not the broker's: a 500 that says so, not a 503 that invites retries.
      throw new IllegalStateException("The intake route failed", failure);
    }
    return UUID.fromString(exchange.getMessage().getHeader(IntakeHeaders.LEAD_ID, String.class));
  }

  private static boolean brokerUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.jms.JMSException
          || cause instanceof org.springframework.jms.JmsException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Puts a lead message that was accepted before (a dead letter) back on the leads queue as it was;
   * its id is unchanged, so routing takes it once.
   *
   * @throws IntakeUnavailableException when the broker does not take it
   */
  public void requeue(String leadMessage, UUID leadId) {
    try {
      camel
          .producer()
          .sendBodyAndHeader(
              settings.leadsQueueUri(), leadMessage, IntakeHeaders.LEAD_ID, leadId.toString());
    } catch (RuntimeException e) {
      throw new IntakeUnavailableException("The lead could not be queued again", e);
    }
  }
}
