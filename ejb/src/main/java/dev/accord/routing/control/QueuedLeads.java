package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The leads waiting in the teams' queues, offered to the teams' reps again, oldest first, each in a
 * transaction of its own: a lead taken twice at once (two nodes) is taken by one, the other finds
 * it owned.
 */
@ApplicationScoped
public class QueuedLeads {

  @PersistenceContext EntityManager em;

  @Inject LeadRouter router;

  /** A lead waiting in its team's queue, and its grade. */
  public record Waiting(UUID id, String grade) {}

  /** Per team with a queue, its oldest waiting leads, at most {@code perTeam} of them. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, List<Waiting>> oldestByTeam(int perTeam) {
    Map<String, List<Waiting>> oldest = new LinkedHashMap<>();
    for (String team :
        em.createQuery(
                "select distinct l.team.id from Lead l where l.status = :waiting"
                    + " and l.team is not null and l.rep is null",
                String.class)
            .setParameter("waiting", LeadStatus.UNROUTED)
            .getResultList()) {
      oldest.put(
          team,
          new ArrayList<>(
              em
                  .createQuery(
                      "select l.id, l.grade from Lead l where l.status = :waiting"
                          + " and l.team.id = :team and l.rep is null order by l.receivedAt, l.id",
                      Object[].class)
                  .setParameter("waiting", LeadStatus.UNROUTED)
                  .setParameter("team", team)
                  .setMaxResults(perTeam)
                  .getResultList()
                  .stream()
                  .map(row -> new Waiting((UUID) row[0], String.valueOf(row[1])))
                  .toList()));
    }
    return oldest;
  }

  /**
   * Offers a waiting lead to its team's reps.
   *
   * @return whether a rep took it; false if nobody of the team can, or it is no longer waiting
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean offer(UUID leadId) {
    Lead lead = LeadRows.holdAndLoad(em, leadId);
    if (lead == null
        || lead.getStatus() != LeadStatus.UNROUTED
        || lead.getTeam() == null
        || lead.getRep() != null) {
      return false;
    }
    return router.takeFromQueue(lead).isPresent();
  }
}
