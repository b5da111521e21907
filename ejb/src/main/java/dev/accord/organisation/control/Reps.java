package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.RepAbsence;
import dev.accord.organisation.entity.RepGradeCap;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.routing.control.RepAvailability;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.routing.RepInRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The reps of the sales organisation as data: who they are, their team, where and by which calendar
 * they work, whether each is active, available, how many open leads they may hold (in all and per
 * grade), and their out-of-office periods; kept one by one or imported from CSV. A change holds for
 * the next lead routed; no restart.
 */
@ApplicationScoped
@Transactional
public class Reps {

  /** No import holds more reps than this. */
  public static final int MAX_IMPORT = 10_000;

  @PersistenceContext EntityManager em;

  @Inject RepAvailability availability;

  @Inject DatabaseSchema schema;

  @Inject LiveRulebook rulebook;

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
      List<Absence> absences,
      String email,
      String timeZone,
      String workingHours,
      Map<String, Integer> maxOpenLeadsByGrade) {}

  /** An out-of-office period. */
  public record Absence(UUID id, Instant from, Instant to, String note) {}

  /** A rep as a PUT left them, and whether it created them. */
  public record Kept(boolean created, RepState rep) {}

  // In a transaction: whether a rep works now depends on their team's hours, read lazily.
  public List<RepState> all() {
    schema.awaitMigration();
    return states(
        em.createQuery("select r from Rep r join fetch r.team order by r.team.id, r.id", Rep.class)
            .getResultList());
  }

  public Optional<RepState> find(String id) {
    schema.awaitMigration();
    return Optional.ofNullable(em.find(Rep.class, id)).map(rep -> states(List.of(rep)).get(0));
  }

  /**
   * Creates the rep (if the change says who they are: team, name, e-mail and time zone) or changes
   * what the change gives (see {@link RepChange#read}).
   *
   * @param values the settings given, by column of {@link RepChange#COLUMNS} (or {@code
   *     available}); a null value: given empty
   * @param capsByGrade caps by grade letter, a null value removing one; null if none are given
   * @param label the caller's name of a column, for problems
   * @return the rep as kept, or empty if there is no such rep and the change does not create one
   * @throws InvalidOrganisationException naming each field at fault; nothing was kept
   */
  public Optional<Kept> put(
      String id,
      Map<String, String> values,
      Map<String, String> capsByGrade,
      UnaryOperator<String> label) {
    schema.awaitMigration();
    List<Problem> problems = new ArrayList<>();
    Optional<RepChange> read = RepChange.read(values, capsByGrade, calendars(), label, problems);
    InvalidOrganisationException.refuseIfAny(problems);
    RepChange change = read.orElseThrow();
    // Locked, so two changes at once (one to availability, one to weight) both hold.
    Rep existing = em.find(Rep.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (existing == null && RepChange.TO_CREATE.stream().noneMatch(change::gives)) {
      return Optional.empty();
    }
    Rep rep = keep(id, existing, change, label, problems);
    if (!problems.isEmpty()) {
      throw new InvalidOrganisationException(problems);
    }
    em.flush();
    return Optional.of(new Kept(existing == null, states(List.of(rep)).get(0)));
  }

  /**
   * Creates or changes every rep of the CSV ({@link RepChange#COLUMNS}, read as {@link
   * RepChange#read(CsvImport.Row, Supplier, List)} says), all or none. Whether a rep is available
   * (away) is left as it is.
   *
   * @return how many reps the file held
   * @throws InvalidOrganisationException naming each row and column at fault
   */
  public int importCsv(String csv) {
    schema.awaitMigration();
    List<CsvImport.Row> rows = CsvImport.read(csv, RepChange.COLUMNS, MAX_IMPORT, "reps");
    List<Problem> problems = new ArrayList<>();
    Supplier<Set<String>> calendars = calendars();
    for (CsvImport.Row row : rows) {
      String id = OrganisationValues.id(row.get("id"), row.where() + "id", problems);
      Optional<RepChange> change = RepChange.read(row, calendars, problems);
      if (id != null && change.isPresent()) {
        Rep existing = em.find(Rep.class, id, LockModeType.PESSIMISTIC_WRITE);
        keep(id, existing, change.get(), column -> row.where() + column, problems);
      }
    }
    InvalidOrganisationException.refuseIfAny(problems);
    return rows.size();
  }

  /** A rep that cannot be removed, and why. */
  public static final class RepInUseException extends RuntimeException {

    public RepInUseException(String why) {
      super(why);
    }
  }

  /**
   * Removes a rep nothing refers to yet (one created by mistake): no lead was routed to them or
   * considered them, and they own no account. Their absences and caps go with them. A rep with a
   * history is made inactive instead; the history keeps naming them.
   *
   * @return whether there was such a rep
   * @throws RepInUseException saying what still refers to the rep
   */
  public boolean remove(String id) {
    schema.awaitMigration();
    Rep rep = em.find(Rep.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (rep == null) {
      return false;
    }
    long leads =
        ((Number)
                em.createNativeQuery(
                        "select (select count(*) from sales_lead where rep_id = ?1)"
                            + " + (select count(*) from lead_candidate where rep_id = ?1)"
                            + " + (select count(*) from routing_ledger where rep_id = ?1)")
                    .setParameter(1, id)
                    .getSingleResult())
            .longValue();
    if (leads > 0) {
      throw new RepInUseException(
          "Rep '"
              + id
              + "' has a history of leads that names them; make them inactive instead"
              + " ({\"active\": false}).");
    }
    List<String> accounts =
        em.createQuery(
                "select a.id from Account a where a.ownerRepId = :rep order by a.id", String.class)
            .setParameter("rep", id)
            .getResultList();
    if (!accounts.isEmpty()) {
      throw new RepInUseException(
          "Rep '"
              + id
              + "' owns the account(s) "
              + String.join(", ", accounts)
              + "; give them another owner first.");
    }
    em.createQuery("delete from RepAbsence a where a.repId = :rep")
        .setParameter("rep", id)
        .executeUpdate();
    em.createQuery("delete from RepGradeCap c where c.repId = :rep")
        .setParameter("rep", id)
        .executeUpdate();
    em.remove(rep);
    return true;
  }

  /** The names of the live rulebook's calendars, read only if a change names one. */
  private Supplier<Set<String>> calendars() {
    return () -> rulebook.live().calendars().names();
  }

  // Notes what is wrong in problems and keeps nothing of this change if anything is.
  private Rep keep(
      String id,
      Rep existing,
      RepChange change,
      UnaryOperator<String> label,
      List<Problem> problems) {
    int before = problems.size();
    if (existing == null) {
      OrganisationValues.id(id, label.apply("id"), problems);
      for (String column : RepChange.TO_CREATE) {
        if (!change.gives(column)) {
          problems.add(new Problem(label.apply(column), "is required to create a rep"));
        }
      }
    }
    Team team = existing == null ? null : existing.getTeam();
    if (change.team() != null) {
      team = em.find(Team.class, change.team());
      if (team == null) {
        problems.add(
            new Problem(label.apply("team"), "no team has the id '" + change.team() + "'"));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    Rep rep = existing;
    if (rep == null) {
      rep = new Rep(id, team, change.name(), change.email(), change.timeZone());
      em.persist(rep);
    } else {
      rep.describe(
          team,
          change.gives("name") ? change.name() : rep.getName(),
          change.gives("email") ? change.email() : rep.getEmail());
    }
    rep.setWorkingHours(
        change.gives("time_zone") ? change.timeZone() : rep.getTimeZone(),
        change.gives("working_hours") ? change.workingHours() : rep.getWorkingHours());
    rep.setTaking(
        change.active() == null ? rep.isActive() : change.active(),
        change.available() == null ? rep.isAvailable() : change.available(),
        change.gives("max_open_leads") ? change.maxOpenLeads() : rep.getMaxOpenLeads(),
        change.weight() == null ? rep.getWeight() : change.weight());
    for (Map.Entry<Grade, Integer> cap : change.maxOpenLeadsByGrade().entrySet()) {
      RepGradeCap kept = em.find(RepGradeCap.class, new RepGradeCap.Key(id, cap.getKey()));
      if (cap.getValue() == null && kept != null) {
        em.remove(kept);
      } else if (cap.getValue() != null && kept == null) {
        em.persist(new RepGradeCap(id, cap.getKey(), cap.getValue()));
      } else if (cap.getValue() != null) {
        kept.setMaxOpenLeads(cap.getValue());
      }
    }
    return rep;
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
      throw new InvalidOrganisationException("to", "must be after from");
    }
    if (note != null && note.length() > 200) {
      throw new InvalidOrganisationException("note", "is longer than 200 characters");
    }
    em.persist(new RepAbsence(repId, from, to, note == null || note.isBlank() ? null : note));
    em.flush();
    return Optional.of(states(List.of(rep)).get(0));
  }

  /** The columns of an import of out-of-office periods. */
  public static final List<String> ABSENCE_COLUMNS = List.of("rep", "from", "to", "note");

  /**
   * Adds every out-of-office period of the CSV ({@link #ABSENCE_COLUMNS}: the rep's id, from and to
   * as instants such as {@code 2026-12-01T08:00:00Z}, an optional note), all or none. A period the
   * rep already has (same from and to) is not added twice, so a file imported again changes
   * nothing.
   *
   * @return how many periods were added
   * @throws InvalidOrganisationException naming each row and column at fault
   */
  public int importAbsences(String csv) {
    schema.awaitMigration();
    List<CsvImport.Row> rows = CsvImport.read(csv, ABSENCE_COLUMNS, MAX_IMPORT, "absences");
    List<Problem> problems = new ArrayList<>();
    List<RepAbsence> added = new ArrayList<>();
    for (CsvImport.Row row : rows) {
      String repId = row.get("rep");
      if (repId == null) {
        problems.add(new Problem(row.where() + "rep", "is required: the id of the rep"));
      } else if (em.find(Rep.class, repId) == null) {
        problems.add(new Problem(row.where() + "rep", "no rep has the id '" + repId + "'"));
      }
      Instant from = instant(row, "from", problems);
      Instant to = instant(row, "to", problems);
      if (from != null && to != null && !to.isAfter(from)) {
        problems.add(new Problem(row.where() + "to", "must be after from"));
      }
      String note = row.get("note");
      if (note != null && note.length() > 200) {
        problems.add(new Problem(row.where() + "note", "is longer than 200 characters"));
      }
      if (problems.isEmpty() && !alreadyAway(repId, from, to, added)) {
        added.add(new RepAbsence(repId, from, to, note));
      }
    }
    InvalidOrganisationException.refuseIfAny(problems);
    added.forEach(em::persist);
    em.flush();
    return added.size();
  }

  private static Instant instant(CsvImport.Row row, String column, List<Problem> problems) {
    String text = row.get(column);
    if (text == null) {
      problems.add(
          new Problem(
              row.where() + column, "is required: an instant such as 2026-12-01T08:00:00Z"));
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException notAnInstant) {
      problems.add(
          new Problem(
              row.where() + column,
              "'" + text + "' is not an instant such as 2026-12-01T08:00:00Z"));
      return null;
    }
  }

  private boolean alreadyAway(String repId, Instant from, Instant to, List<RepAbsence> added) {
    boolean inFile =
        added.stream()
            .anyMatch(
                a ->
                    a.getRepId().equals(repId)
                        && a.getStartsAt().equals(from)
                        && a.getEndsAt().equals(to));
    return inFile
        || !em.createQuery(
                "select a.id from RepAbsence a where a.repId = :rep and a.startsAt = :from"
                    + " and a.endsAt = :to",
                UUID.class)
            .setParameter("rep", repId)
            .setParameter("from", from)
            .setParameter("to", to)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
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
    List<String> ids = reps.stream().map(Rep::getId).toList();
    Map<String, Long> open = availability.openLeads(ids);
    Map<String, Map<String, Integer>> capsByRep = new HashMap<>();
    if (!ids.isEmpty()) {
      for (RepGradeCap cap :
          em.createQuery("select c from RepGradeCap c where c.repId in :reps", RepGradeCap.class)
              .setParameter("reps", ids)
              .getResultList()) {
        capsByRep
            .computeIfAbsent(cap.getRepId(), rep -> new TreeMap<>())
            .put(cap.getGrade().name(), cap.getMaxOpenLeads());
      }
    }
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
              absences,
              rep.getEmail(),
              rep.getTimeZone().getId(),
              rep.getWorkingHours(),
              capsByRep.getOrDefault(rep.getId(), Map.of())));
    }
    return states;
  }
}
