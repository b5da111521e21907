package dev.accord.routing.boundary;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.routing.control.QueuedLeads;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the leads waiting in the teams' queues to the first reps able to take them: a rep who came
 * on shift, came back from an absence or fell under their cap takes the oldest waiting lead of
 * their team, by the rotation, within one interval ({@code accord.routing.queue-drain-ms}). A team
 * whose oldest lead nobody can take is left until the next interval.
 */
@Startup
@Singleton
@DependsOn({"DatabaseSchema", "LiveRulebook"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueDrainer {

  private static final Logger LOG = Logger.getLogger(QueueDrainer.class.getName());

  /** Leads of one team offered per interval at most. */
  private static final int PER_TEAM = 200;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject QueuedLeads queued;

  @Inject AccordSettings settings;

  private ScheduledFuture<?> draining;

  @PostConstruct
  void startDraining() {
    long every = settings.queueDrainInterval().toMillis();
    draining = scheduler.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stopDraining() {
    draining.cancel(false);
  }

  private void drain() {
    try {
      for (Map.Entry<String, List<UUID>> team : queued.oldestByTeam(PER_TEAM).entrySet()) {
        int taken = 0;
        for (UUID lead : team.getValue()) {
          if (!queued.offer(lead)) {
            break;
          }
          taken++;
        }
        if (taken > 0) {
          int count = taken;
          LOG.info(() -> count + " leads taken from the " + team.getKey() + " queue");
        }
      }
    } catch (RuntimeException failure) {
      // A thrown exception would end the schedule for good.
      LOG.log(Level.WARNING, "Offering the queued leads failed; trying again shortly", failure);
    }
  }
}
