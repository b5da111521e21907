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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Map<String, List<QueuedLeads.Waiting>> waiting;
    try {
      waiting = queued.oldestByTeam(PER_TEAM);
    } catch (RuntimeException failure) {
      // A thrown exception would end the schedule for good.
      LOG.log(Level.WARNING, "Reading the teams' queues failed; trying again shortly", failure);
      return;
    }
    for (Map.Entry<String, List<QueuedLeads.Waiting>> team : waiting.entrySet()) {
      // A lead nobody can take says the same of the later leads of its grade (caps are per
      // grade), not of the other grades waiting behind it.
      Set<String> nobodyFor = new HashSet<>();
      int taken = 0;
      for (QueuedLeads.Waiting lead : team.getValue()) {
        if (nobodyFor.contains(lead.grade())) {
          continue;
        }
        try {
          if (queued.offer(lead.id())) {
            taken++;
          } else {
            nobodyFor.add(lead.grade());
          }
        } catch (RuntimeException failure) {
          // One lead that cannot be offered (a lock timeout, say) does not hold up the others.
          LOG.log(Level.WARNING, "Lead " + lead.id() + " could not be offered; next time", failure);
        }
      }
      if (taken > 0) {
        int count = taken;
        LOG.info(() -> count + " leads taken from the " + team.getKey() + " queue");
      }
    }
  }
}
