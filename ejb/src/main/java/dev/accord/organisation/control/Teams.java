package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.rulebook.control.LiveRulebook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The teams of the sales organisation as data: name, time zone, manager, working hours and how a
 * rep back from an absence catches up; kept one by one or imported from CSV. A change holds for the
 * next lead routed; no restart.
 */
@ApplicationScoped
@Transactional
public class Teams {

  /** No import holds more teams than this. */
  public static final int MAX_IMPORT = 1_000;

  @PersistenceContext EntityManager em;

  @Inject DatabaseSchema schema;

  @Inject LiveRulebook rulebook;

  /**
   * A team as the API shows it; a team without working hours says null, one without a manager has
   * none.
   */
  @JsonbNillable
  public record TeamView(
      String id,
      String name,
      String timeZone,
      Manager manager,
      String workingHours,
      CatchUpView catchUp,
      List<String> reps) {}

  /** Who receives the team's later warnings. */
  public record Manager(String name, String email) {}

  /** How a rep back from an absence catches up; the limit only with CAPPED. */
  @JsonbNillable
  public record CatchUpView(Team.CatchUp policy, Integer limit) {}

  /** A team as a PUT left it, and whether it created it. */
  public record Kept(boolean created, TeamView team) {}

  /** A team that cannot be removed, and why. */
  public static final class TeamInUseException extends RuntimeException {

    public TeamInUseException(String why) {
      super(why);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TeamView> all() {
    schema.awaitMigration();
    return views(em.createQuery("select t from Team t order by t.id", Team.class).getResultList());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TeamView> find(String id) {
    schema.awaitMigration();
    return Optional.ofNullable(em.find(Team.class, id)).map(team -> views(List.of(team)).get(0));
  }

  /**
   * Creates the team or describes it anew, whole (see {@link TeamDescription}).
   *
   * @param values by the columns of {@link TeamDescription#COLUMNS}
   * @param label the caller's name of a column, for problems
   * @throws InvalidOrganisationException naming each field at fault; nothing was kept
   */
  public Kept put(String id, Map<String, String> values, UnaryOperator<String> label) {
    schema.awaitMigration();
    List<Problem> problems = new ArrayList<>();
    OrganisationValues.id(id, label.apply("id"), problems);
    Optional<TeamDescription> description =
        TeamDescription.read(values, calendars(), label, problems);
    if (!problems.isEmpty()) {
      throw new InvalidOrganisationException(problems);
    }
    boolean created = em.find(Team.class, id) == null;
    Team team = keep(id, description.orElseThrow());
    em.flush();
    return new Kept(created, views(List.of(team)).get(0));
  }

  /**
   * Creates or describes anew every team of the CSV ({@link TeamDescription#COLUMNS}), all or none.
   *
   * @return how many teams the file held
   * @throws InvalidOrganisationException naming each row and column at fault
   */
  public int importCsv(String csv) {
    schema.awaitMigration();
    List<CsvImport.Row> rows = CsvImport.read(csv, TeamDescription.COLUMNS, MAX_IMPORT, "teams");
    List<Problem> problems = new ArrayList<>();
    Supplier<Set<String>> calendars = calendars();
    for (CsvImport.Row row : rows) {
      String id = OrganisationValues.id(row.get("id"), row.where() + "id", problems);
      Optional<TeamDescription> description = TeamDescription.read(row, calendars, problems);
      if (id != null && description.isPresent()) {
        keep(id, description.get());
      }
    }
    InvalidOrganisationException.refuseIfAny(problems);
    return rows.size();
  }

  /**
   * Removes a team that nothing refers to: no rep is in it and no lead was ever routed to it (their
   * history keeps the team).
   *
   * @return whether there was such a team
   * @throws TeamInUseException saying what still refers to it
   */
  public boolean remove(String id) {
    schema.awaitMigration();
    Team team = em.find(Team.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (team == null) {
      return false;
    }
    List<String> reps = repsOf(List.of(id)).getOrDefault(id, List.of());
    if (!reps.isEmpty()) {
      throw new TeamInUseException(
          "Team '"
              + id
              + "' still has reps ("
              + String.join(", ", reps)
              + "); move them to another team first.");
    }
    long leads =
        em.createQuery("select count(l) from Lead l where l.team.id = :team", Long.class)
            .setParameter("team", id)
            .getSingleResult();
    if (leads > 0) {
      throw new TeamInUseException(
          "Team '"
              + id
              + "' received "
              + leads
              + " lead(s); their history names it, so it stays. Leave it without reps and no"
              + " routing rule naming it instead.");
    }
    em.remove(team);
    return true;
  }

  private Supplier<Set<String>> calendars() {
    return () -> rulebook.live().calendars().names();
  }

  private Team keep(String id, TeamDescription description) {
    Team team = em.find(Team.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (team == null) {
      team = new Team(id, description.name(), description.timeZone());
      em.persist(team);
    }
    team.describe(
        description.name(),
        description.timeZone(),
        description.managerName(),
        description.managerEmail(),
        description.workingHours(),
        description.catchUp(),
        description.catchUpLimit());
    return team;
  }

  private List<TeamView> views(List<Team> teams) {
    Map<String, List<String>> reps = repsOf(teams.stream().map(Team::getId).toList());
    return teams.stream()
        .map(
            team ->
                new TeamView(
                    team.getId(),
                    team.getName(),
                    team.getTimeZone().getId(),
                    team.getManagerEmail() == null
                        ? null
                        : new Manager(team.getManagerName(), team.getManagerEmail()),
                    team.getWorkingHours(),
                    new CatchUpView(team.getCatchUp(), team.getCatchUpLimit()),
                    reps.getOrDefault(team.getId(), List.of())))
        .toList();
  }

  private Map<String, List<String>> repsOf(List<String> teamIds) {
    Map<String, List<String>> reps = new LinkedHashMap<>();
    if (teamIds.isEmpty()) {
      return reps;
    }
    for (Rep rep :
        em.createQuery("select r from Rep r where r.team.id in :teams order by r.id", Rep.class)
            .setParameter("teams", teamIds)
            .getResultList()) {
      reps.computeIfAbsent(rep.getTeam().getId(), team -> new ArrayList<>()).add(rep.getId());
    }
    return reps;
  }
}
