package dev.accord.routing.control;

import dev.accord.leads.entity.LeadStatus;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.RepAbsence;
import dev.accord.rules.routing.RepInRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether each rep can take a lead now, and if not why: inactive, away, out of office (until when),
 * or at capacity (how many open leads against the cap). Read afresh for every lead, so a change
 * made through the API holds for the next one.
 */
@ApplicationScoped
public class RepAvailability {

  /** The statuses of a lead its rep still works on. */
  static final List<LeadStatus> OPEN = List.of(LeadStatus.ROUTED, LeadStatus.ACCEPTED);

  @PersistenceContext EntityManager em;

  /** The reps as the rotation sees them, in the order given. */
  public List<RepInRotation> inRotation(List<Rep> reps, Instant now) {
    if (reps.isEmpty()) {
      return List.of();
    }
    List<String> ids = reps.stream().map(Rep::getId).toList();
    Map<String, Long> open = openLeads(ids);
    Map<String, RepAbsence> away = new HashMap<>();
    for (RepAbsence absence :
        em.createQuery(
                "select a from RepAbsence a where a.repId in :reps and a.startsAt <= :now"
                    + " and a.endsAt > :now order by a.endsAt desc",
                RepAbsence.class)
            .setParameter("reps", ids)
            .setParameter("now", now)
            .getResultList()) {
      away.putIfAbsent(absence.getRepId(), absence);
    }
    return reps.stream()
        .map(
            rep -> {
              Optional<String> whyNot =
                  whyNot(rep, open.getOrDefault(rep.getId(), 0L), away.get(rep.getId()));
              return new RepInRotation(
                  rep.getId(),
                  rep.getName(),
                  whyNot.isEmpty(),
                  rep.getLastAssignment(),
                  whyNot.orElse(null));
            })
        .toList();
  }

  /** Open leads (routed or accepted) per rep. */
  public Map<String, Long> openLeads(List<String> repIds) {
    Map<String, Long> open = new HashMap<>();
    if (repIds.isEmpty()) {
      return open;
    }
    for (Object[] row :
        em.createQuery(
                "select l.rep.id, count(l) from Lead l where l.rep.id in :reps"
                    + " and l.status in :open group by l.rep.id",
                Object[].class)
            .setParameter("reps", repIds)
            .setParameter("open", OPEN)
            .getResultList()) {
      open.put((String) row[0], (Long) row[1]);
    }
    return open;
  }

  static Optional<String> whyNot(Rep rep, long openLeads, RepAbsence absence) {
    if (!rep.isActive()) {
      return Optional.of("inactive");
    }
    if (!rep.isAvailable()) {
      return Optional.of("away");
    }
    if (absence != null) {
      return Optional.of(
          "out of office until "
              + absence.getEndsAt()
              + (absence.getNote() == null ? "" : " (" + absence.getNote() + ")"));
    }
    if (rep.getMaxOpenLeads() != null && openLeads >= rep.getMaxOpenLeads()) {
      return Optional.of(
          "at capacity: " + openLeads + " of " + rep.getMaxOpenLeads() + " open leads");
    }
    return Optional.empty();
  }
}
