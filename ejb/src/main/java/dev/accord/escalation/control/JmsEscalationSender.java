package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Publishes escalation events as JSON on the escalations topic; the pooled factory enlists the send
 * in the delivery's transaction, so the event and the "sent" mark commit together.
 */
@ApplicationScoped
public class JmsEscalationSender implements EscalationSender {

  @Resource(lookup = "java:/JmsXA")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "java:/jms/topic/accord/Escalations")
  Topic topic;

  @Override
  public Escalation.Channel channel() {
    return Escalation.Channel.JMS;
  }

  @Override
  public void send(Escalation escalation) {
    try (JMSContext context = connectionFactory.createContext()) {
      context
          .createProducer()
          .setProperty("AccordEscalationId", escalation.getId().toString())
          .setProperty("AccordLeadId", String.valueOf(escalation.getLeadId()))
          .setProperty("AccordStage", escalation.getStage())
          .send(topic, escalation.content().json());
    }
  }
}
