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
  public UUID submit(byte[] body, String intakeSource) {
    Exchange exchange =
        camel
            .producer()
            .send(
                settings.intakeUri(),
                e -> {
                  e.getIn().setBody(body);
                  e.getIn().setHeader(IntakeHeaders.INTAKE_SOURCE, intakeSource);
                });
    Exception failure = exchange.getException();
    if (failure instanceof InvalidLeadException invalid) {
      throw invalid;
    }
    if (failure != null) {
      throw new IntakeUnavailableException("The lead could not be queued", failure);
    }
    return UUID.fromString(exchange.getMessage().getHeader(IntakeHeaders.LEAD_ID, String.class));
  }
}
