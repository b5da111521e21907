package dev.accord.sla.control;

import dev.accord.escalation.control.EscalationPlanner;
import dev.accord.leads.entity.Lead;
import dev.accord.platform.database.DueRows;
import dev.accord.routing.control.LeadRouter;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires the stages of clocks that fell due: each clock in a transaction of its own, under a row
 * lock, with its escalations recorded in the same transaction, so a stage fires once and its
 * escalations exist exactly when it fired, across crashes, restarts and nodes.
 */
@ApplicationScoped
public class ClockFiring {

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject Clock clock;

  @Inject BreachAttribution attribution;

  @Inject EscalationPlanner escalations;

  @Inject LeadRouter router;

  @Inject ClockOwners owners;

  /** The clocks whose next stage is due by {@code now}, most overdue first. */
  @Transactional
  public List<UUID> dueBy(Instant now, int atMost) {
    return DueRows.dueBy(em, "SlaClock", "nextFireAt", now, atMost);
  }

  /**
   * Moves a clock that failed to fire behind the others, so it cannot hold up the clocks due after
   * it; it fires (late, and marked so) once whatever broke is mended.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void postpone(UUID clockId, Instant until) {
    em.createQuery(
            "update SlaClock c set c.nextFireAt = :until where c.id = :id and c.nextFireAt < :until")
        .setParameter("until", until)
        .setParameter("id", clockId)
        .executeUpdate();
  }

  /** Fires whatever stages of this clock are due now; does nothing if another node did. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fire(UUID clockId) {
    SlaClock slaClock = em.find(SlaClock.class, clockId);
    if (slaClock == null) {
      return;
    }
    // Lead first, then clock: the order recording an activity takes them in, so the two never
    // wait for each other.
    Lead lead = em.find(Lead.class, slaClock.getLeadId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(slaClock, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    Optional<SlaClock.FiredStage> fired =
        slaClock.fireDueStages(rulebook.calendar(slaClock.getCalendar()).calendar(), now);
    if (fired.isEmpty()) {
      return;
    }
    boolean breach = fired.get().stage().isBreach();
    if (breach) {
      attribution.attribute(slaClock, lead);
    }
    // Escalate before re-routing: the alert names the rep who owed the clock, not their successor.
    escalations.plan(slaClock, lead, fired.get(), now);
    if (breach && slaClock.isRerouteOnBreach() && lead.getRep() != null) {
      String previous = lead.getRep().getName();
      router
          .reroute(lead, "the clock \"" + slaClock.getName() + "\" breached")
          .ifPresent(rep -> handOver(lead, previous, rep.getId(), rep.getName(), now));
    }
  }

  private void handOver(Lead lead, String previous, String repId, String repName, Instant now) {
    owners.handOver(
        lead, repId, "Re-routed from " + previous + " to " + repName + " on breach", now);
  }
}
