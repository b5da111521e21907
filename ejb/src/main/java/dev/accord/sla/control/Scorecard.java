package dev.accord.sla.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadActivity;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.Agreement;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.ClockState;
import dev.accord.sla.entity.PeriodCommitment;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each side's, team's and rep's record against the agreement over a period, computed from the
 * stored clocks and activities: the same numbers both heads argue from.
 */
@ApplicationScoped
@Transactional
public class Scorecard {

  private static final double DAYS_PER_MONTH = 365.25 / 12;

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject PeriodCommitments commitments;

  /** Clocks started in the period, by outcome. */
  public record ClockCounts(
      int started, int met, int warned, int breached, int disputed, int open) {

    static ClockCounts of(List<SlaClock> clocks) {
      return new ClockCounts(
          clocks.size(),
          count(clocks, c -> c.getState() == ClockState.MET),
          count(clocks, Scorecard::warned),
          count(clocks, c -> c.getBreachedAt() != null),
          count(clocks, c -> c.getDisputedBy() != null),
          count(
              clocks,
              c -> c.getState() == ClockState.RUNNING || c.getState() == ClockState.PAUSED));
    }
  }

  /** Business minutes from a lead's arrival to its first touch, over the leads touched. */
  public record FirstTouch(int touched, int untouched, Double medianMinutes, Double p90Minutes) {}

  /** How sales answered the leads it got. */
  public record Acceptance(
      int accepted, int rejected, Double acceptedPercent, Map<String, Integer> rejectReasons) {}

  /** Marketing's volume promise and handoff quality for a team. */
  public record Marketing(
      double mqlsPromised,
      int mqlsDelivered,
      int leads,
      int completeHandoffs,
      Double handoffCompletenessPercent,
      int acceptanceTargetPercent) {}

  public record SideCard(String side, ClockCounts clocks) {}

  /** One of marketing's monthly commitments to the team, and how it was judged. */
  public record Commitment(
      String kind,
      Instant periodStart,
      Instant periodEnd,
      int promised,
      Integer delivered,
      String state,
      String detail) {

    static Commitment of(PeriodCommitment commitment) {
      return new Commitment(
          commitment.getKind().name(),
          commitment.getPeriodStart(),
          commitment.getPeriodEnd(),
          commitment.getPromised(),
          commitment.getDelivered(),
          commitment.getState().name(),
          commitment.getDetail());
    }
  }

  public record TeamCard(
      String team,
      ClockCounts clocks,
      FirstTouch firstTouch,
      Acceptance acceptance,
      Marketing marketing,
      List<Commitment> commitments) {}

  public record RepCard(
      String rep, String team, ClockCounts clocks, FirstTouch firstTouch, Acceptance acceptance) {}

  public record Card(
      Instant from,
      Instant to,
      String rulebookVersion,
      List<SideCard> sides,
      List<TeamCard> teams,
      List<RepCard> reps) {}

  public Card between(Instant from, Instant to) {
    List<SlaClock> clocks =
        em.createQuery(
                "select c from SlaClock c where c.startedAt >= :from and c.startedAt < :to",
                SlaClock.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    List<Lead> leads =
        em.createQuery(
                "select distinct l from Lead l left join fetch l.activities"
                    + " where l.receivedAt >= :from and l.receivedAt < :to",
                Lead.class)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<String, List<PeriodCommitment>> commitmentsByTeam =
        groupBy(commitments.overlapping(from, to), PeriodCommitment::getTeamId);
    Agreement agreement = rulebook.agreement();
    double months = Duration.between(from, to).toSeconds() / 86_400.0 / DAYS_PER_MONTH;

    List<SideCard> sides = new ArrayList<>();
    for (Side side : Side.values()) {
      sides.add(
          new SideCard(
              side.name(),
              ClockCounts.of(clocks.stream().filter(c -> c.getOwner() == side).toList())));
    }
    Map<String, List<SlaClock>> clocksByTeam = groupBy(clocks, SlaClock::getTeamId);
    Map<String, List<Lead>> leadsByTeam =
        groupBy(leads, l -> l.getTeam() == null ? null : l.getTeam().getId());
    List<TeamCard> teams = new ArrayList<>();
    TreeMap<String, Boolean> teamIds = new TreeMap<>();
    clocksByTeam.keySet().forEach(id -> teamIds.put(id, true));
    leadsByTeam.keySet().forEach(id -> teamIds.put(id, true));
    agreement.mqlsPerMonth().keySet().forEach(id -> teamIds.put(id, true));
    for (String team : teamIds.keySet()) {
      List<Lead> teamLeads = leadsByTeam.getOrDefault(team, List.of());
      // A handoff is incomplete exactly when the agreement's rules started a marketing clock for
      // the lead: the scorecard reads the clocks rather than judging the data a second time.
      Set<UUID> owingMarketing =
          clocksByTeam.getOrDefault(team, List.of()).stream()
              .filter(c -> c.getOwner() == Side.MARKETING)
              .map(SlaClock::getLeadId)
              .collect(Collectors.toSet());
      int complete =
          (int) teamLeads.stream().filter(l -> !owingMarketing.contains(l.getId())).count();
      teams.add(
          new TeamCard(
              team,
              ClockCounts.of(clocksByTeam.getOrDefault(team, List.of())),
              firstTouch(teamLeads),
              acceptance(teamLeads),
              new Marketing(
                  Math.round(agreement.mqlsPerMonth().getOrDefault(team, 0) * months * 10) / 10.0,
                  (int)
                      teamLeads.stream()
                          .filter(
                              l ->
                                  agreement
                                      .mqlGrades()
                                      .contains(Grade.valueOf(l.getScore().grade())))
                          .count(),
                  teamLeads.size(),
                  complete,
                  percent(complete, teamLeads.size()),
                  agreement.acceptanceTargetPercent()),
              commitmentsByTeam.getOrDefault(team, List.of()).stream()
                  .map(Commitment::of)
                  .toList()));
    }
    Map<String, List<SlaClock>> clocksByRep = groupBy(clocks, SlaClock::getRepId);
    Map<String, List<Lead>> leadsByRep =
        groupBy(leads, l -> l.getRep() == null ? null : l.getRep().getId());
    List<RepCard> reps = new ArrayList<>();
    TreeMap<String, String> repTeams = new TreeMap<>();
    leads.stream()
        .filter(l -> l.getRep() != null)
        .forEach(l -> repTeams.put(l.getRep().getId(), l.getTeam().getId()));
    clocks.stream()
        .filter(c -> c.getRepId() != null)
        .forEach(c -> repTeams.putIfAbsent(c.getRepId(), c.getTeamId()));
    repTeams.forEach(
        (rep, team) ->
            reps.add(
                new RepCard(
                    rep,
                    team,
                    ClockCounts.of(clocksByRep.getOrDefault(rep, List.of())),
                    firstTouch(leadsByRep.getOrDefault(rep, List.of())),
                    acceptance(leadsByRep.getOrDefault(rep, List.of())))));
    return new Card(from, to, rulebook.version(), sides, teams, reps);
  }

  private FirstTouch firstTouch(List<Lead> leads) {
    List<Double> minutes = new ArrayList<>();
    int untouched = 0;
    for (Lead lead : leads) {
      Optional<Instant> touched =
          lead.getActivities().stream()
              .filter(a -> a.activity() == Activity.TOUCH || a.activity() == Activity.CONNECT)
              .map(LeadActivity::getOccurredAt)
              .min(Comparator.naturalOrder());
      if (touched.isEmpty()) {
        untouched++;
        continue;
      }
      BusinessCalendar calendar =
          rulebook.calendar(lead.getTeam() == null ? "" : lead.getTeam().getId()).calendar();
      minutes.add(calendar.between(lead.getReceivedAt(), touched.get()).toMillis() / 60_000.0);
    }
    minutes.sort(Comparator.naturalOrder());
    return new FirstTouch(
        minutes.size(), untouched, quantile(minutes, 0.5), quantile(minutes, 0.9));
  }

  private static Acceptance acceptance(List<Lead> leads) {
    int accepted = 0;
    int rejected = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (Lead lead : leads) {
      for (LeadActivity activity : lead.getActivities()) {
        if (activity.activity() == Activity.ACCEPT) {
          accepted++;
        } else if (activity.activity() == Activity.REJECT) {
          rejected++;
          reasons.merge(activity.getReasonCode(), 1, Integer::sum);
        }
      }
    }
    return new Acceptance(accepted, rejected, percent(accepted, accepted + rejected), reasons);
  }

  /** Nearest-rank quantile, rounded to a tenth of a minute; null when nothing was measured. */
  static Double quantile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return Math.round(sorted.get(Math.max(rank, 1) - 1) * 10) / 10.0;
  }

  private static boolean warned(SlaClock clock) {
    int warnings = clock.stagePlan().size() - 1;
    return Math.min(clock.getStagesFired(), warnings) > 0;
  }

  private static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static <T> int count(List<T> items, java.util.function.Predicate<T> test) {
    return (int) items.stream().filter(test).count();
  }

  private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
    return items.stream()
        .filter(item -> key.apply(item) != null)
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }
}
