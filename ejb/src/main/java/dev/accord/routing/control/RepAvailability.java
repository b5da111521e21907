package dev.accord.routing.control;

import dev.accord.leads.entity.LeadStatus;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.RepAbsence;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.routing.RepInRotation;
import dev.accord.rules.routing.WorkingShift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject LiveRulebook rulebook;

  /** The reps as the rotation sees them for a lead of any grade, in the order given. */
  public List<RepInRotation> inRotation(List<Rep> reps, Instant now) {
    return inRotation(reps, now, null);
  }

  /**
   * The reps as the rotation sees them for a lead of the grade (their caps for the grade included),
   * in the order given.
   */
  public List<RepInRotation> inRotation(List<Rep> reps, Instant now, String grade) {
    if (reps.isEmpty()) {
      return List.of();
    }
    List<String> ids = reps.stream().map(Rep::getId).toList();
    Map<String, Long> open = openLeads(ids);
    Map<String, GradeCap> gradeCaps = grade == null ? Map.of() : gradeCaps(ids, grade);
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
                  whyNot(rep, open.getOrDefault(rep.getId(), 0L), away.get(rep.getId()))
                      .or(() -> offShift(rep, now))
                      .or(() -> atGradeCap(gradeCaps.get(rep.getId()), grade));
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

  /** A rep's cap for one grade and the open leads of that grade they hold. */
  private record GradeCap(int max, long open) {}

  private Map<String, GradeCap> gradeCaps(List<String> repIds, String grade) {
    Map<String, GradeCap> caps = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select c.rep_id, c.max_open_leads,"
                    + " (select count(*) from sales_lead l where l.rep_id = c.rep_id"
                    + " and l.grade = c.grade and l.status in ('ROUTED', 'ACCEPTED'))"
                    + " from rep_grade_cap c where c.grade = ?1 and c.rep_id in (?2)")
            .setParameter(1, grade)
            .setParameter(2, repIds)
            .getResultList()) {
      Object[] c = (Object[]) row;
      caps.put(
          (String) c[0], new GradeCap(((Number) c[1]).intValue(), ((Number) c[2]).longValue()));
    }
    return caps;
  }

  private static Optional<String> atGradeCap(GradeCap cap, String grade) {
    if (cap == null || cap.open() < cap.max()) {
      return Optional.empty();
    }
    return Optional.of(
        "at capacity for grade "
            + grade
            + ": "
            + cap.open()
            + " of "
            + cap.max()
            + " open grade "
            + grade
            + " leads");
  }

  /**
   * Why the rep is off shift now, if they work by a calendar (their own, else their team's) and it
   * is not working time where they are. A calendar the live rulebook no longer has leaves the rep
   * on shift, as before the calendar was set, rather than keeping leads from the whole team.
   */
  private Optional<String> offShift(Rep rep, Instant now) {
    return shiftOf(rep).flatMap(shift -> shift.whyOffShift(now));
  }

  /**
   * Which active rep, now off shift, comes on shift first and when, e.g. {@code the first rep due
   * on shift is Ana Costa, Monday 30 November 09:00 in Europe/Lisbon (2026-11-30T09:00:00Z)}.
   */
  public Optional<String> firstDueOnShift(List<Rep> reps, Instant now) {
    Rep first = null;
    Instant firstAt = null;
    for (Rep rep : reps) {
      if (!rep.isActive() || !rep.isAvailable()) {
        continue;
      }
      Optional<WorkingShift> shift = shiftOf(rep);
      if (shift.isEmpty() || shift.get().onShiftAt(now)) {
        continue;
      }
      Instant at = shift.get().nextOnShift(now);
      if (firstAt == null || at.isBefore(firstAt)) {
        first = rep;
        firstAt = at;
      }
    }
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(
        "the first rep due on shift is "
            + first.getName()
            + ", "
            + WorkingShift.local(firstAt, first.getTimeZone())
            + " in "
            + first.getTimeZone().getId()
            + " ("
            + firstAt
            + ")");
  }

  private Optional<WorkingShift> shiftOf(Rep rep) {
    String calendar =
        rep.getWorkingHours() != null ? rep.getWorkingHours() : rep.getTeam().getWorkingHours();
    if (calendar == null) {
      return Optional.empty();
    }
    return rulebook
        .live()
        .calendars()
        .find(calendar)
        .map(found -> new WorkingShift(found, rep.getTimeZone()));
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
