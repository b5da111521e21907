package dev.accord.escalation.boundary;

import dev.accord.escalation.control.EscalationDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Twice a second, hands every recorded escalation whose attempt is due to delivery; after a crash
 * it picks up exactly the escalations that were recorded but not yet marked sent.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EscalationOutbox {

  private static final Logger LOG = Logger.getLogger(EscalationOutbox.class.getName());
  private static final long EVERY_MS = 500;
  private static final int BATCH = 100;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject EscalationDelivery delivery;

  @Inject Clock clock;

  private ScheduledFuture<?> polling;

  @PostConstruct
  void startPolling() {
    polling =
        scheduler.scheduleWithFixedDelay(
            this::deliverDue, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stopPolling() {
    polling.cancel(false);
  }

  private void deliverDue() {
    try {
      List<UUID> due;
      int delivered;
      do {
        due = delivery.dueBy(clock.instant(), BATCH);
        delivered = 0;
        for (UUID id : due) {
          try {
            delivery.deliver(id);
            delivered++;
          } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Escalation " + id + " could not be handled", failure);
          }
        }
        // A full batch means more are waiting: go on at once, as long as the batch got anywhere.
      } while (due.size() == BATCH && delivered > 0);
    } catch (RuntimeException failure) {
      // A thrown exception would end the schedule for good.
      LOG.log(
          Level.WARNING, "Looking for escalations to send failed; trying again shortly", failure);
    }
  }
}
