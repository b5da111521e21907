/**
 * Escalating warnings and breaches: who a fired stage notifies, what the message says, and sending
 * it over e-mail, the JMS topic and a chat webhook exactly once per recipient and channel.
 */
package dev.accord.escalation.control;
