/** What drives escalation from outside a request: the outbox loop that sends recorded alerts. */
package dev.accord.escalation.boundary;
