package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadEvent;
import dev.accord.leads.entity.LeadStatus;
import dev.accord.platform.database.DatabaseSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fallback queues of leads nobody could take (a team's, or the global one for leads without a
 * team), and giving a lead to a rep by hand.
 */
@ApplicationScoped
@Transactional
public class LeadAssignments {

  /** The queue of leads that have no team. */
  public static final String GLOBAL = "global";

  /** No queue lists more leads than this at once; the oldest come first. */
  public static final int MAX_LISTED = 500;

  @PersistenceContext EntityManager em;

  @Inject LeadRouter router;

  @Inject DatabaseSchema schema;

  @Inject dev.accord.sla.control.ClockOwners owners;

  @Inject java.time.Clock clock;

  /** A lead waiting without an owner, and why. */
  public record QueuedLead(
      UUID id,
      String queue,
      String company,
      String country,
      String grade,
      Instant waitingSince,
      String reason) {}

  /** A bad field of a hand assignment, and why. */
  public static final class InvalidAssignmentException extends RuntimeException {

    private final String field;

    InvalidAssignmentException(String field, String reason) {
      super(reason);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** How many leads wait in a queue, and the oldest of them. */
  public record Queue(long waiting, List<QueuedLead> oldest) {}

  /**
   * The leads without an owner, oldest first (at most {@value #MAX_LISTED}), in one queue (a team's
   * id, or {@value #GLOBAL}) or in all.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Queue unowned(Optional<String> queue) {
    schema.awaitMigration();
    String where =
        "from Lead l where l.status = :unrouted"
            + queue
                .map(q -> q.equals(GLOBAL) ? " and l.team is null" : " and l.team.id = :queue")
                .orElse("");
    jakarta.persistence.TypedQuery<Lead> leads =
        em.createQuery("select l " + where + " order by l.decidedAt, l.id", Lead.class)
            .setParameter("unrouted", LeadStatus.UNROUTED)
            .setMaxResults(MAX_LISTED);
    jakarta.persistence.TypedQuery<Long> count =
        em.createQuery("select count(l) " + where, Long.class)
            .setParameter("unrouted", LeadStatus.UNROUTED);
    queue
        .filter(q -> !q.equals(GLOBAL))
        .ifPresent(
            q -> {
              leads.setParameter("queue", q);
              count.setParameter("queue", q);
            });
    List<QueuedLead> queued = new ArrayList<>();
    for (Lead lead : leads.getResultList()) {
      queued.add(
          new QueuedLead(
              lead.getId(),
              lead.getTeam() == null ? GLOBAL : lead.getTeam().getId(),
              lead.getContact().company(),
              lead.getContact().country(),
              lead.getScore().grade(),
              lead.getDecidedAt(),
              lastUnroutedReason(lead)));
    }
    return new Queue(count.getSingleResult(), queued);
  }

  private static String lastUnroutedReason(Lead lead) {
    List<LeadEvent> history = lead.getHistory();
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).getType().equals(LeadEvent.Type.UNROUTED.name())) {
        return history.get(i).getDetail();
      }
    }
    return null;
  }

  /**
   * Hands the lead to the next rep of its team's rotation other than its owner (decided again by
   * the rotation, the owner left out), recording who asked and why; the owner keeps it when nobody
   * else of the team is available.
   *
   * @return the lead, or empty if there is no such lead
   * @throws InvalidAssignmentException if the reason is missing or the lead has no team
   */
  public Optional<Lead> reroute(UUID leadId, String reason, String by) {
    schema.awaitMigration();
    checkReason(reason);
    Lead lead = LeadRows.holdAndLoad(em, leadId);
    if (lead == null) {
      return Optional.empty();
    }
    checkOpen(lead);
    if (lead.getTeam() == null) {
      throw new InvalidAssignmentException(
          "lead",
          "the lead has no team to rotate in; give it to a rep with POST"
              + " /api/leads/{id}/assignment");
    }
    String previous = lead.getRep() == null ? "nobody" : lead.getRep().getName();
    router
        .reroute(lead, by + " asked: " + reason.strip())
        .ifPresent(
            rep ->
                owners.handOver(
                    lead,
                    rep.getId(),
                    "Re-routed from " + previous + " to " + rep.getName() + " by " + by,
                    clock.instant()));
    return Optional.of(lead);
  }

  private static void checkOpen(Lead lead) {
    if (lead.isClosed()) {
      throw new InvalidAssignmentException(
          "lead",
          "is "
              + lead.getStatus().name().toLowerCase(java.util.Locale.ROOT)
              + "; a finished lead is not given to anyone");
    }
  }

  private static void checkReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidAssignmentException(
          "reason", "is required: why the lead goes to this rep, for its history");
    }
    if (reason.length() > 500) {
      throw new InvalidAssignmentException("reason", "is longer than 500 characters");
    }
  }

  /**
   * Gives the lead to this rep, recording who did it and why.
   *
   * @return the lead, or empty if there is no such lead
   * @throws InvalidAssignmentException naming the field at fault
   */
  public Optional<Lead> assign(UUID leadId, String repId, String reason, String by) {
    schema.awaitMigration();
    if (repId == null || repId.isBlank()) {
      throw new InvalidAssignmentException("rep", "is required: the id of the rep to give it to");
    }
    checkReason(reason);
    Lead lead = LeadRows.holdAndLoad(em, leadId);
    if (lead == null) {
      return Optional.empty();
    }
    checkOpen(lead);
    if (lead.getRep() != null && lead.getRep().getId().equals(repId.strip())) {
      throw new InvalidAssignmentException("rep", "'" + repId.strip() + "' owns the lead already");
    }
    try {
      return Optional.of(router.assignByHand(lead, repId.strip(), reason.strip(), by));
    } catch (IllegalArgumentException unknownRep) {
      throw new InvalidAssignmentException("rep", "no rep has the id '" + repId.strip() + "'");
    }
  }
}
