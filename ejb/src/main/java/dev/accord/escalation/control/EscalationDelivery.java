package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.platform.database.DueRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends recorded escalations, each in a transaction of its own under a row lock, and marks them
 * sent; a failing channel is retried with growing waits and its error kept for the API to show.
 */
@ApplicationScoped
public class EscalationDelivery {

  private static final Logger LOG = Logger.getLogger(EscalationDelivery.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Instance<EscalationSender> senders;

  @Inject AccordSettings settings;

  @Inject Clock clock;

  /** Escalations waiting to be sent whose next attempt is due, oldest first. */
  @Transactional
  public List<UUID> dueBy(Instant now, int atMost) {
    return DueRows.dueBy(em, "Escalation", "nextAttemptAt", now, atMost);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void deliver(UUID escalationId) {
    Escalation escalation = em.find(Escalation.class, escalationId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (escalation == null
        || escalation.getStatus() == Escalation.Status.SENT
        || escalation.getNextAttemptAt().isAfter(now)) {
      return;
    }
    try {
      senderFor(escalation.getChannel()).send(escalation);
      escalation.sent(clock.instant());
    } catch (Exception failure) {
      escalation.failed(
          now, describe(failure), settings.retryInitialDelay(), settings.retryMaxDelay());
      LOG.log(
          Level.WARNING,
          "Escalation {0} ({1} to {2}) failed, attempt {3}; next at {4}: {5}",
          new Object[] {
            escalation.getId(),
            escalation.getChannel(),
            escalation.getAddress(),
            escalation.getAttempts(),
            escalation.getNextAttemptAt(),
            describe(failure)
          });
    }
  }

  private EscalationSender senderFor(Escalation.Channel channel) {
    for (EscalationSender sender : senders) {
      if (sender.channel() == channel) {
        return sender;
      }
    }
    throw new IllegalStateException("no sender for channel " + channel);
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    for (Throwable cause = failure.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      text.append("; caused by ").append(cause);
    }
    return text.toString();
  }
}
