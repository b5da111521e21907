package dev.accord.intake.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** What the consumers say about a message they could not take, without failing again on it. */
final class JmsMessages {

  private JmsMessages() {}

  static String idOf(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(unknown id)";
    }
  }
}
