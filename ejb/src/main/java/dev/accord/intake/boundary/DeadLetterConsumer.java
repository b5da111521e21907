package dev.accord.intake.boundary;

import dev.accord.intake.control.DeliveryFailures;
import dev.accord.intake.control.HeldInputs;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes leads that failed every delivery attempt off the dead-letter queue into the held inputs, in
 * the same transaction, with the reason their last attempt failed: there an operator sees them
 * through the API, the lead's own address says what happened to it, and a replay sends it again.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/accord/LeadsDeadLetter"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class DeadLetterConsumer implements MessageListener {

  @EJB HeldInputs held;

  @EJB DeliveryFailures failures;

  @Override
  public void onMessage(Message message) {
    String text;
    try {
      text = ((TextMessage) message).getText();
    } catch (JMSException e) {
      throw new EJBException("Could not read a dead letter", e);
    }
    IncomingLead lead;
    try {
      lead = IncomingLeadCodec.fromJson(text);
    } catch (IllegalArgumentException unreadable) {
      // Not a lead message at all: held as it is, with why, rather than thrown back to the broker.
      held.holdUnreadableDeadLetter(JmsMessages.idOf(message), unreadable.getMessage(), text);
      return;
    }
    String reason =
        failures
            .of(lead.leadId())
            .map(
                failed ->
                    "Failed "
                        + failed.getAttempts()
                        + " delivery attempts; the last one: "
                        + failed.getLastError())
            .orElse("Failed every delivery attempt");
    held.holdDeadLetter(lead.leadId(), lead.intakeSource(), lead.channel(), reason, text);
  }
}
