package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;

/** Sends one escalation over one channel; throws when the channel did not take it. */
public interface EscalationSender {

  Escalation.Channel channel();

  void send(Escalation escalation) throws Exception;
}
