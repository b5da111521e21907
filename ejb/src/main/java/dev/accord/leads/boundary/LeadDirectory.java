package dev.accord.leads.boundary;

import dev.accord.escalation.entity.Escalation;
import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadAlias;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.sla.entity.SlaClock;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds leads with their whole decision receipt, their SLA clocks and the escalations those sent,
 * for anyone asking why a lead went where it did and who owes what.
 */
@Stateless
public class LeadDirectory {

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject Clock clock;

  /** A lead with its clocks, as of one instant, and every escalation they sent or will send. */
  public record LeadRecord(
      Lead lead, Instant asOf, List<ClockStatus> clocks, List<Escalation> escalations) {}

  /** A clock and the business time it has counted as of the record's instant. */
  public record ClockStatus(SlaClock clock, Duration elapsed, ZoneId zone) {}

  /**
   * The lead an id names: the lead itself, or, for a submission merged into the same person's lead,
   * that lead.
   */
  public Optional<Lead> find(UUID id) {
    Lead lead = em.find(Lead.class, id);
    if (lead == null) {
      LeadAlias alias = em.find(LeadAlias.class, id);
      lead = alias == null ? null : em.find(Lead.class, alias.getLeadId());
    }
    return Optional.ofNullable(lead);
  }

  /** The submission an id names when it was merged into another lead of the same person. */
  public Optional<LeadAlias> alias(UUID id) {
    return Optional.ofNullable(em.find(LeadAlias.class, id));
  }

  /** What a search for leads asks; empty parts match everything. */
  public record Search(
      Optional<String> email,
      Optional<String> intakeSource,
      Optional<Instant> since,
      int first,
      int max) {}

  /** Leads matching a search, newest first. */
  public List<Lead> search(Search search) {
    StringBuilder jpql = new StringBuilder("select l from Lead l where 1 = 1");
    search.email().ifPresent(e -> jpql.append(" and l.email = :email"));
    search.intakeSource().ifPresent(s -> jpql.append(" and l.intakeSource = :source"));
    search.since().ifPresent(s -> jpql.append(" and l.receivedAt >= :since"));
    jpql.append(" order by l.receivedAt desc, l.id");
    TypedQuery<Lead> query = em.createQuery(jpql.toString(), Lead.class);
    search.email().ifPresent(e -> query.setParameter("email", e));
    search.intakeSource().ifPresent(s -> query.setParameter("source", s));
    search.since().ifPresent(s -> query.setParameter("since", s));
    return query.setFirstResult(search.first()).setMaxResults(search.max()).getResultList();
  }

  public Optional<LeadRecord> record(UUID id) {
    return find(id).map(this::recordOf);
  }

  public LeadRecord recordOf(Lead lead) {
    Instant now = clock.instant();
    List<ClockStatus> clocks =
        em.createQuery(
                "select c from SlaClock c where c.leadId = :lead order by c.startedAt, c.name",
                SlaClock.class)
            .setParameter("lead", lead.getId())
            .getResultStream()
            .map(
                c -> {
                  BusinessCalendar calendar = rulebook.calendar(c.getCalendar()).calendar();
                  return new ClockStatus(c, c.elapsedAt(now, calendar), calendar.zone());
                })
            .toList();
    List<Escalation> escalations =
        em.createQuery(
                "select e from Escalation e where e.leadId = :lead order by e.createdAt, e.stage,"
                    + " e.channel, e.address",
                Escalation.class)
            .setParameter("lead", lead.getId())
            .getResultList();
    return new LeadRecord(lead, now, clocks, escalations);
  }

  /** Escalations not yet sent, most overdue first: what a failing channel is holding up. */
  public List<Escalation> undelivered(int atMost) {
    return em.createQuery(
            "select e from Escalation e where e.status = :pending order by e.createdAt",
            Escalation.class)
        .setParameter("pending", Escalation.Status.PENDING)
        .setMaxResults(atMost)
        .getResultList();
  }
}
