package dev.accord.intake.boundary;

import dev.accord.intake.control.DeliveryFailures;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import dev.accord.routing.control.LeadRouter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Consumes accepted leads inside a container transaction. Any failure rolls back both the database
 * work and the consumption, so the broker redelivers the lead and, after the configured number of
 * attempts, moves it to the dead-letter queue: a lead is never dropped.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/accord/LeadsReceived"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class LeadReceivedConsumer implements MessageListener {

  @Inject LeadRouter router;

  @EJB DeliveryFailures failures;

  @Override
  public void onMessage(Message message) {
    IncomingLead lead;
    try {
      lead = IncomingLeadCodec.fromJson(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new EJBException("Could not read lead message " + JmsMessages.idOf(message), e);
    }
    try {
      router.route(lead);
    } catch (RuntimeException e) {
      // Kept outside this transaction, which rolls back: a lead that ends as a dead letter says
      // why.
      failures.note(lead.leadId(), e);
      throw e;
    }
  }
}
