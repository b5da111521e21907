package dev.accord.sla.boundary;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.sla.control.ClockFiring;
import dev.accord.sla.control.PeriodCommitments;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for clocks that fell due several times a second and has each fired, and judges marketing's
 * monthly commitments when their month ends: one indexed query instead of a timer per clock, so a
 * million open clocks cost a database index, and a restart needs no schedule rebuilt — whatever
 * fell due while the server was down is simply overdue.
 */
@Startup
@Singleton
@DependsOn({"DatabaseSchema", "LiveRulebook"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DueClockPoller {

  private static final Logger LOG = Logger.getLogger(DueClockPoller.class.getName());
  private static final int BATCH = 200;
  private static final Duration PERIODS_CHECKED_EVERY = Duration.ofMinutes(1);
  private static final Duration RETRY_BROKEN_CLOCK_AFTER = Duration.ofSeconds(30);

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject ClockFiring firing;

  @Inject PeriodCommitments commitments;

  @Inject AccordSettings settings;

  @Inject Clock clock;

  private ScheduledFuture<?> polling;

  // Touched only by the polling thread.
  private Instant periodsOpenedAt = Instant.MIN;

  @PostConstruct
  void startPolling() {
    long every = settings.slaPollInterval().toMillis();
    polling =
        scheduler.scheduleWithFixedDelay(this::fireDueClocks, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stopPolling() {
    polling.cancel(false);
  }

  private void fireDueClocks() {
    try {
      List<UUID> due;
      do {
        due = firing.dueBy(clock.instant(), BATCH);
        for (UUID id : due) {
          try {
            firing.fire(id);
          } catch (RuntimeException failure) {
            // One broken clock must not hold up the others.
            LOG.log(Level.WARNING, "Clock " + id + " could not fire; trying again later", failure);
            firing.postpone(id, clock.instant().plus(RETRY_BROKEN_CLOCK_AFTER));
          }
        }
      } while (due.size() == BATCH);
      Instant now = clock.instant();
      if (Duration.between(periodsOpenedAt, now).compareTo(PERIODS_CHECKED_EVERY) >= 0) {
        commitments.openCurrentPeriods(now);
        periodsOpenedAt = now;
      }
      for (UUID id : commitments.dueBy(now)) {
        try {
          commitments.judge(id);
        } catch (RuntimeException failure) {
          LOG.log(Level.WARNING, "Commitment " + id + " could not be judged", failure);
        }
      }
    } catch (RuntimeException failure) {
      // A thrown exception would end the schedule for good.
      LOG.log(Level.WARNING, "Looking for due clocks failed; trying again shortly", failure);
    }
  }
}
