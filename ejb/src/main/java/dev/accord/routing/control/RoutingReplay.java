package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.organisation.control.Accounts;
import dev.accord.organisation.entity.Rep;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookProblem;
import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.routing.FairRotation;
import dev.accord.rules.routing.RepInLedger;
import dev.accord.rules.routing.RepInRotation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a candidate rulebook would have done with the leads of the last days, without doing any of
 * it: each stored lead is decided again by the candidate, and the grades, teams and reps it would
 * have got are set beside the ones the leads have now. A lead of a known account stays with the
 * account's owner when the owner can take it; one that stays in its team keeps its rep; one that
 * moves is given to the rep the new team's fair rotation would pick (today's ledger and
 * availability, as if the moved leads arrived one after another).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RoutingReplay {

  /** No replay reads more leads than this; the answer says when the period held more. */
  public static final int MAX_LEADS = 100_000;

  /** How many leads that would change hands are shown one by one. */
  static final int EXAMPLES = 25;

  static final String NONE = "(none)";

  private static final int PAGE = 500;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject RepAvailability availability;

  @Inject Accounts accounts;

  @Inject FairnessLedger ledger;

  /** Where a lead stands: its grade, team and rep ({@value #NONE} when it has none). */
  public record Standing(String grade, String team, String rep) {}

  /** How many leads had a value before and would have it with the candidate. */
  public record Shift(int now, int withCandidate) {}

  /** One lead that would change hands. */
  public record Change(
      UUID lead,
      String company,
      String country,
      Standing now,
      Standing withCandidate,
      String rule) {}

  /** The whole comparison. */
  public record Replay(
      String candidateVersion,
      Instant from,
      Instant to,
      String source,
      int leads,
      boolean truncated,
      int wouldChangeHands,
      int wouldChangeTeam,
      int wouldChangeGrade,
      Map<String, Shift> teams,
      Map<String, Shift> grades,
      Map<String, Shift> reps,
      List<Change> examples,
      List<RulebookProblem> failedScenarios) {}

  /**
   * @param source only the leads that came with this source (the lead's {@code source}), or all
   */
  public Replay replay(Rulebook candidate, Duration period, Optional<String> source) {
    Instant to = clock.instant();
    Instant from = to.minus(period);
    Tally teams = new Tally();
    Tally grades = new Tally();
    Tally reps = new Tally();
    Rotations rotations = new Rotations();
    List<Change> examples = new ArrayList<>();
    int leads = 0;
    int changedHands = 0;
    int changedTeam = 0;
    int changedGrade = 0;
    boolean truncated = false;
    for (int first = 0; ; first += PAGE) {
      jakarta.persistence.TypedQuery<Lead> query =
          em.createQuery(
              "select l from Lead l where l.receivedAt >= :from and l.receivedAt <= :to"
                  + (source.isPresent() ? " and l.leadSource = :source" : "")
                  + " order by l.receivedAt, l.id",
              Lead.class);
      source.ifPresent(wanted -> query.setParameter("source", wanted));
      List<Lead> page =
          query
              .setParameter("from", from)
              .setParameter("to", to)
              .setFirstResult(first)
              .setMaxResults(PAGE)
              .getResultList();
      for (Lead lead : page) {
        if (leads == MAX_LEADS) {
          truncated = true;
          break;
        }
        leads++;
        Standing now = standingOf(lead);
        // Teams, grades and reps are compared; the clocks a lead would get are not.
        Decision decision = candidate.scoreAndRoute(LeadFacts.stored(lead));
        Standing then = standingWith(lead, decision, now, rotations);
        teams.count(now.team(), then.team());
        grades.count(now.grade(), then.grade());
        reps.count(now.rep(), then.rep());
        changedTeam += now.team().equals(then.team()) ? 0 : 1;
        changedGrade += now.grade().equals(then.grade()) ? 0 : 1;
        if (!now.rep().equals(then.rep()) || !now.team().equals(then.team())) {
          changedHands++;
          if (examples.size() < EXAMPLES) {
            examples.add(
                new Change(
                    lead.getId(),
                    lead.getContact().company(),
                    lead.getContact().country(),
                    now,
                    then,
                    decision.reasons().stream()
                        .filter(r -> r.concern() == Concern.ROUTING)
                        .map(Reason::rule)
                        .findFirst()
                        .orElse(null)));
          }
        }
      }
      em.clear();
      if (truncated || page.size() < PAGE) {
        break;
      }
    }
    return new Replay(
        candidate.version(),
        from,
        to,
        source.orElse(null),
        leads,
        truncated,
        changedHands,
        changedTeam,
        changedGrade,
        teams.shifts(),
        grades.shifts(),
        reps.shifts(),
        examples,
        candidate.failedScenarios());
  }

  /**
   * Where the lead would stand with the candidate's decision: with its account's owner if the owner
   * can take it (no rulebook changes that); else in the candidate's team, with its rep if the team
   * stays, or with the rep the team's fair rotation would pick.
   */
  private Standing standingWith(Lead lead, Decision decision, Standing now, Rotations rotations) {
    String grade = decision.grade().name();
    Optional<Accounts.Match> account =
        accounts.match(lead.getContact().email(), lead.getContact().company());
    if (account.isPresent()) {
      // With the team: whether the owner works now depends on the team's hours, and a replay runs
      // outside a transaction.
      Rep owner =
          em.createQuery("select r from Rep r join fetch r.team where r.id = :id", Rep.class)
              .setParameter("id", account.get().account().getOwnerRepId())
              .getSingleResult();
      if (availability.inRotation(List.of(owner), clock.instant()).get(0).available()) {
        return new Standing(grade, owner.getTeam().getId(), owner.getId());
      }
    }
    String team = decision.team().orElse(NONE);
    String rep = team.equals(now.team()) ? now.rep() : rotations.next(team, grade).orElse(NONE);
    return new Standing(grade, team, rep);
  }

  private static Standing standingOf(Lead lead) {
    return new Standing(
        Objects.requireNonNullElse(lead.getScore().grade(), NONE),
        lead.getTeam() == null ? NONE : lead.getTeam().getId(),
        lead.getRep() == null ? NONE : lead.getRep().getId());
  }

  private static final class Tally {

    private final Map<String, int[]> counts = new TreeMap<>();

    void count(String now, String withCandidate) {
      counts.computeIfAbsent(now, k -> new int[2])[0]++;
      counts.computeIfAbsent(withCandidate, k -> new int[2])[1]++;
    }

    Map<String, Shift> shifts() {
      Map<String, Shift> shifts = new TreeMap<>();
      counts.forEach((value, n) -> shifts.put(value, new Shift(n[0], n[1])));
      return shifts;
    }
  }

  /**
   * The fair rotation of each team and grade as the replay moves leads into it, starting from
   * today's ledger and availability.
   */
  private final class Rotations {

    private final Map<String, List<RepInRotation>> reps = new HashMap<>();
    private final Map<String, Map<String, Integer>> ledgers = new HashMap<>();

    Optional<String> next(String team, String grade) {
      if (team.equals(NONE)) {
        return Optional.empty();
      }
      List<RepInRotation> inTeam =
          reps.computeIfAbsent(
              team,
              id ->
                  availability.inRotation(
                      em.createQuery(
                              "select r from Rep r join fetch r.team where r.team.id = :team order by r.id",
                              Rep.class)
                          .setParameter("team", id)
                          .getResultList(),
                      clock.instant()));
      Map<String, Integer> assigned =
          ledgers.computeIfAbsent(
              team + "/" + grade,
              key -> new HashMap<>(ledger.assigned(team, ledger.period(), grade)));
      List<RepInLedger> order =
          FairRotation.order(
              inTeam.stream()
                  .map(
                      r ->
                          new RepInLedger(
                              r.repId(),
                              r.name(),
                              r.available(),
                              r.whyNot(),
                              em.find(Rep.class, r.repId()).getWeight(),
                              assigned.getOrDefault(r.repId(), 0),
                              r.lastAssignment()))
                  .toList());
      if (order.isEmpty()) {
        return Optional.empty();
      }
      String chosen = order.get(0).repId();
      assigned.merge(chosen, 1, Integer::sum);
      return Optional.of(chosen);
    }
  }
}
