package dev.accord.sla.control;

import dev.accord.escalation.control.EscalationPlanner;
import dev.accord.platform.database.DueRows;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.Agreement;
import dev.accord.sla.entity.PeriodCommitment;
import dev.accord.sla.entity.PeriodCommitment.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Marketing's promises per team and month from the agreement, as period clocks: opened for the
 * current month in each team's time zone, judged once when the month ends, a breach escalated to
 * both heads like any other.
 */
@ApplicationScoped
public class PeriodCommitments {

  // Two commitments per team and month: this covers months of downtime.
  private static final int MAX_JUDGED_AT_ONCE = 1_000;

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject EscalationPlanner escalations;

  @Inject Clock clock;

  /** Opens this month's commitments of every team the agreement promises MQLs to. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void openCurrentPeriods(Instant now) {
    Agreement agreement = rulebook.agreement();
    for (Map.Entry<String, Integer> promise : agreement.mqlsPerMonth().entrySet()) {
      String team = promise.getKey();
      ZoneId zone = rulebook.calendar(team).calendar().zone();
      YearMonth month = YearMonth.from(now.atZone(zone));
      open(team, Kind.MQL_VOLUME, month, zone, promise.getValue());
      if (agreement.acceptanceTargetPercent() > 0) {
        open(team, Kind.ACCEPTANCE_SHARE, month, zone, agreement.acceptanceTargetPercent());
      }
    }
  }

  private void open(String team, Kind kind, YearMonth month, ZoneId zone, int promised) {
    PeriodCommitment commitment = new PeriodCommitment(team, kind, month, zone, promised);
    boolean exists =
        !em.createQuery(
                "select p.id from PeriodCommitment p where p.teamId = :team and p.kind = :kind"
                    + " and p.periodStart = :start",
                UUID.class)
            .setParameter("team", team)
            .setParameter("kind", kind)
            .setParameter("start", commitment.getPeriodStart())
            .getResultList()
            .isEmpty();
    if (!exists) {
      em.persist(commitment);
    }
  }

  /** Commitments whose period has ended and that are not judged yet. */
  @Transactional
  public List<UUID> dueBy(Instant now) {
    return DueRows.dueBy(em, "PeriodCommitment", "evaluateAt", now, MAX_JUDGED_AT_ONCE);
  }

  /** Judges one ended period, once, and escalates a breach. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void judge(UUID id) {
    PeriodCommitment commitment =
        em.find(PeriodCommitment.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (commitment == null || commitment.getState() != PeriodCommitment.State.OPEN) {
      return;
    }
    List<String> mqlGrades =
        rulebook.agreement().mqlGrades().stream().map(Grade::name).sorted().toList();
    long mqls =
        em.createNamedQuery(PeriodCommitment.MQLS, Long.class)
            .setParameter("team", commitment.getTeamId())
            .setParameter("start", commitment.getPeriodStart())
            .setParameter("end", commitment.getPeriodEnd())
            .setParameter("grades", mqlGrades)
            .getSingleResult();
    Instant now = clock.instant();
    if (commitment.getKind() == Kind.MQL_VOLUME) {
      commitment.judge(
          (int) mqls,
          mqls + " leads of grade " + String.join(" or ", mqlGrades) + " reached the team",
          now);
    } else {
      long accepted = answered(commitment, mqlGrades, Activity.ACCEPT);
      long rejected = answered(commitment, mqlGrades, Activity.REJECT);
      long answered = accepted + rejected;
      commitment.judge(
          answered == 0 ? null : (int) (100 * accepted / answered),
          "sales accepted "
              + accepted
              + " and rejected "
              + rejected
              + " of the month's "
              + mqls
              + " MQLs",
          now);
    }
    if (commitment.getState() == PeriodCommitment.State.BREACHED) {
      escalations.planBreach(commitment, now);
    }
  }

  private long answered(PeriodCommitment commitment, List<String> mqlGrades, Activity answer) {
    return em.createNamedQuery(PeriodCommitment.ANSWERED_MQLS, Long.class)
        .setParameter("team", commitment.getTeamId())
        .setParameter("start", commitment.getPeriodStart())
        .setParameter("end", commitment.getPeriodEnd())
        .setParameter("grades", mqlGrades)
        .setParameter("answer", answer.name())
        .getSingleResult();
  }

  /** The commitments of a team whose month overlaps the given period, oldest first. */
  @Transactional
  public List<PeriodCommitment> overlapping(Instant from, Instant to) {
    return em.createQuery(
            "select p from PeriodCommitment p where p.periodStart < :to and p.periodEnd > :from"
                + " order by p.teamId, p.periodStart, p.kind",
            PeriodCommitment.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }
}
