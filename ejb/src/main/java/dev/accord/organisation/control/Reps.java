package dev.accord.organisation.control;

import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.RepAbsence;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.routing.control.RepAvailability;
import dev.accord.rules.routing.RepInRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reps of the sales organisation as data: whether each is active, available, how many open
 * leads they may hold, and their out-of-office periods. A change holds for the next lead routed; no
 * restart.
 */
@ApplicationScoped
@Transactional
public class Reps {

  /** No cap is larger than this. */
  public static final int MAX_CAP = 10_000;

  /** No rep weighs more than this many normal shares. */
  public static final int MAX_WEIGHT = 10;

  @PersistenceContext EntityManager em;

  @Inject RepAvailability availability;

  @Inject DatabaseSchema schema;

  @Inject Clock clock;

  /** A rep, what they hold now, and whether they can take the next lead (and if not, why). */
  public record RepState(
      String id,
      String name,
      String team,
      boolean active,
      boolean available,
      Integer maxOpenLeads,
      int weight,
      long openLeads,
      boolean takesLeadsNow,
      String whyNot,
      List<Absence> absences) {}

  /** An out-of-office period. */
  public record Absence(UUID id, Instant from, Instant to, String note) {}

  /** How a rep takes leads, as a request changes it; {@code null} leaves a setting as it is. */
  public record Change(
      Boolean active, Boolean available, Integer maxOpenLeads, boolean clearCap, Integer weight) {}

  /** A bad field of a change, and why. */
  public static final class InvalidChangeException extends RuntimeException {

    private final String field;

    public InvalidChangeException(String field, String reason) {
      super(reason);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RepState> all() {
    schema.awaitMigration();
    return states(
        em.createQuery("select r from Rep r join fetch r.team order by r.team.id, r.id", Rep.class)
            .getResultList());
  }

  /**
   * @return the rep as changed, or empty if there is no such rep
   */
  public Optional<RepState> change(String repId, Change change) {
    schema.awaitMigration();
    // Locked, so two changes at once (one to availability, one to weight) both hold.
    Rep rep = em.find(Rep.class, repId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (rep == null) {
      return Optional.empty();
    }
    if (change.maxOpenLeads() != null
        && (change.maxOpenLeads() < 1 || change.maxOpenLeads() > MAX_CAP)) {
      throw new InvalidChangeException(
          "maxOpenLeads", "must be a whole number from 1 to " + MAX_CAP + ", or null for no cap");
    }
    if (change.weight() != null && (change.weight() < 1 || change.weight() > MAX_WEIGHT)) {
      throw new InvalidChangeException(
          "weight", "must be a whole number from 1 to " + MAX_WEIGHT + " (1 is a normal share)");
    }
    rep.setTaking(
        change.active() == null ? rep.isActive() : change.active(),
        change.available() == null ? rep.isAvailable() : change.available(),
        change.clearCap()
            ? null
            : change.maxOpenLeads() == null ? rep.getMaxOpenLeads() : change.maxOpenLeads(),
        change.weight() == null ? rep.getWeight() : change.weight());
    em.flush();
    return Optional.of(states(List.of(rep)).get(0));
  }

  /**
   * @return the rep with the absence added, or empty if there is no such rep
   */
  public Optional<RepState> addAbsence(String repId, Instant from, Instant to, String note) {
    schema.awaitMigration();
    Rep rep = em.find(Rep.class, repId);
    if (rep == null) {
      return Optional.empty();
    }
    if (!to.isAfter(from)) {
      throw new InvalidChangeException("to", "must be after from");
    }
    if (note != null && note.length() > 200) {
      throw new InvalidChangeException("note", "is longer than 200 characters");
    }
    em.persist(new RepAbsence(repId, from, to, note == null || note.isBlank() ? null : note));
    em.flush();
    return Optional.of(states(List.of(rep)).get(0));
  }

  /**
   * @return whether there was such an absence of this rep
   */
  public boolean removeAbsence(String repId, UUID absenceId) {
    schema.awaitMigration();
    RepAbsence absence = em.find(RepAbsence.class, absenceId);
    if (absence == null || !absence.getRepId().equals(repId)) {
      return false;
    }
    em.remove(absence);
    return true;
  }

  private List<RepState> states(List<Rep> reps) {
    Instant now = clock.instant();
    List<RepInRotation> rotation = availability.inRotation(reps, now);
    Map<String, Long> open = availability.openLeads(reps.stream().map(Rep::getId).toList());
    List<RepState> states = new ArrayList<>();
    for (int i = 0; i < reps.size(); i++) {
      Rep rep = reps.get(i);
      List<Absence> absences =
          em
              .createQuery(
                  "select a from RepAbsence a where a.repId = :rep and a.endsAt > :now"
                      + " order by a.startsAt",
                  RepAbsence.class)
              .setParameter("rep", rep.getId())
              .setParameter("now", now)
              .getResultList()
              .stream()
              .map(a -> new Absence(a.getId(), a.getStartsAt(), a.getEndsAt(), a.getNote()))
              .toList();
      states.add(
          new RepState(
              rep.getId(),
              rep.getName(),
              rep.getTeam().getId(),
              rep.isActive(),
              rep.isAvailable(),
              rep.getMaxOpenLeads(),
              rep.getWeight(),
              open.getOrDefault(rep.getId(), 0L),
              rotation.get(i).available(),
              rotation.get(i).whyNot(),
              absences));
    }
    return states;
  }
}
