package dev.accord.sla.entity;

import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.ClockTerm;
import dev.accord.rules.sla.ClockTerm.StageTerm;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A deadline one side owes for one lead, counted in business time: it knows when its next stage
 * falls due (an indexed column the firing loop polls), fires each stage once, pauses, resumes and
 * stops on the activities its term names. Callers hold a row lock while they change it.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock {

  @Id private UUID id;

  @Column(name = "lead_id")
  private UUID leadId;

  private String name;

  @Column(name = "term_rule")
  private String termRule;

  @Enumerated(EnumType.STRING)
  @Column(name = "owner_side")
  private Side owner;

  @Column(name = "team_id")
  private String teamId;

  @Column(name = "rep_id")
  private String repId;

  private String calendar;

  @Column(name = "target_ms")
  private long targetMs;

  private String stages;

  @Column(name = "stopped_by")
  private String stoppedBy;

  @Column(name = "stop_after")
  private int stopAfter;

  private String counted;

  @Column(name = "counted_so_far")
  private int countedSoFar;

  @Column(name = "reroute_on_breach")
  private boolean rerouteOnBreach;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "consumed_ms")
  private long consumedMs;

  @Column(name = "running_since")
  private Instant runningSince;

  @Column(name = "due_at")
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  private ClockState state;

  @Column(name = "stages_fired")
  private int stagesFired;

  @Column(name = "next_fire_at")
  private Instant nextFireAt;

  @Column(name = "stopped_at")
  private Instant stoppedAt;

  @Column(name = "breached_at")
  private Instant breachedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "breach_cause")
  private BreachCause breachCause;

  @Column(name = "intake_ms")
  private Long intakeMs;

  @Column(name = "waiting_for_owner_ms")
  private Long waitingForOwnerMs;

  @Column(name = "with_owner_ms")
  private Long withOwnerMs;

  @Enumerated(EnumType.STRING)
  @Column(name = "disputed_by")
  private Side disputedBy;

  @Column(name = "disputed_at")
  private Instant disputedAt;

  @Column(name = "dispute_note")
  private String disputeNote;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sla_clock_event", joinColumns = @JoinColumn(name = "clock_id"))
  @OrderColumn(name = "position")
  private List<ClockEvent> history = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sla_paused_segment", joinColumns = @JoinColumn(name = "clock_id"))
  @OrderColumn(name = "position")
  private List<PausedSegment> pausedSegments = new ArrayList<>();

  protected SlaClock() {}

  /**
   * Starts a clock for a lead at the given instant.
   *
   * @param calendarName the calendar whose working hours count; {@code calendar} is that calendar
   */
  public SlaClock(
      UUID leadId,
      ClockTerm term,
      String teamId,
      String repId,
      String calendarName,
      BusinessCalendar calendar,
      Instant at) {
    this.id = UUID.randomUUID();
    this.leadId = leadId;
    this.name = term.name();
    this.termRule = term.rule();
    this.owner = term.owner();
    this.teamId = teamId;
    this.repId = repId;
    this.calendar = calendarName;
    this.targetMs = term.target().toMillis();
    this.stages = encode(term.stages());
    this.stoppedBy = names(term.stoppedBy());
    this.stopAfter = term.stopAfter();
    this.counted = names(term.counted());
    this.rerouteOnBreach = term.rerouteOnBreach();
    this.startedAt = at;
    this.state = ClockState.RUNNING;
    this.runningSince = at;
    schedule(calendar);
    history.add(
        new ClockEvent(
            at,
            ClockEvent.Type.STARTED,
            dueAt,
            null,
            "Started by the rule \""
                + term.rule()
                + "\": "
                + owner
                + " owes it within "
                + BusinessDurations.describe(term.target())
                + " of business time ("
                + calendarName
                + " calendar)"));
  }

  /** A stage that fired and must be escalated. */
  public record FiredStage(StageTerm stage, int number, Instant dueAt, Duration lateBy) {}

  /**
   * Fires every stage that has fallen due by {@code now}, each once. When several fell due at once
   * (the server was down), all are recorded late but only the last is returned to escalate: a
   * warning sent after its own breach would only confuse.
   */
  public Optional<FiredStage> fireDueStages(BusinessCalendar calendar, Instant now) {
    if (state != ClockState.RUNNING || nextFireAt == null || nextFireAt.isAfter(now)) {
      return Optional.empty();
    }
    List<StageTerm> plan = stagePlan();
    FiredStage last = null;
    while (stagesFired < plan.size()) {
      Instant due = stageDueAt(plan.get(stagesFired), calendar);
      if (due.isAfter(now)) {
        break;
      }
      StageTerm stage = plan.get(stagesFired);
      if (last != null) {
        supersede(last);
      }
      last = new FiredStage(stage, stagesFired + 1, due, Duration.between(due, now));
      history.add(
          new ClockEvent(
              now,
              stage.isBreach() ? ClockEvent.Type.BREACH : ClockEvent.Type.WARNING,
              due,
              last.lateBy(),
              stage.isBreach()
                  ? "Breached: "
                      + BusinessDurations.describe(target())
                      + " of business time passed without "
                      + stopDescription()
                  : stage.percent()
                      + " % of "
                      + BusinessDurations.describe(target())
                      + " passed; "
                      + BusinessDurations.describe(target().minus(consumedAt(due, calendar)))
                      + " of business time left"));
      stagesFired++;
      if (stage.isBreach()) {
        breachedAt = due;
        state = ClockState.BREACHED;
      }
    }
    nextFireAt =
        state == ClockState.RUNNING && stagesFired < plan.size()
            ? stageDueAt(plan.get(stagesFired), calendar)
            : null;
    return Optional.ofNullable(last);
  }

  private void supersede(FiredStage earlier) {
    ClockEvent event = history.remove(history.size() - 1);
    history.add(
        new ClockEvent(
            event.getOccurredAt(),
            ClockEvent.Type.valueOf(event.getType()),
            event.getDueAt(),
            event.getLate(),
            event.getDetail()
                + " (fired late together with a later stage; only the later one was sent)"));
  }

  /**
   * Applies a recorded activity: it may pause, resume, count towards or satisfy the clock.
   *
   * @return whether it changed the clock
   */
  public boolean apply(Activity activity, String by, Instant at, BusinessCalendar calendar) {
    if (stoppedAt != null) {
      return false;
    }
    // An activity dated before the clock's last change (a rep logging a call late) counts from that
    // change: time already counted is never counted twice, nor a pause undone.
    Instant when = latest(at, startedAt, runningSince, lastPausedAt());
    boolean changed = false;
    if (activity == Activity.PAUSE && state == ClockState.RUNNING) {
      consumedMs += calendar.between(runningSince, when).toMillis();
      runningSince = null;
      nextFireAt = null;
      state = ClockState.PAUSED;
      pausedSegments.add(new PausedSegment(when));
      history.add(
          new ClockEvent(
              when,
              ClockEvent.Type.PAUSED,
              "Paused by "
                  + by
                  + " after "
                  + BusinessDurations.describe(Duration.ofMillis(consumedMs))));
      return true;
    }
    if (activity == Activity.RESUME && state == ClockState.PAUSED) {
      pausedSegments.get(pausedSegments.size() - 1).resume(when);
      state = ClockState.RUNNING;
      runningSince = when;
      schedule(calendar);
      history.add(
          new ClockEvent(
              when, ClockEvent.Type.RESUMED, dueAt, null, "Resumed by " + by + "; due again"));
      return true;
    }
    if (countedActivities().contains(activity)) {
      countedSoFar++;
      changed = true;
      if (countedSoFar < stopAfter) {
        history.add(
            new ClockEvent(
                when,
                ClockEvent.Type.COUNTED,
                activity.apiName() + " by " + by + ": " + countedSoFar + " of " + stopAfter));
      }
    }
    boolean satisfied =
        stoppingActivities().contains(activity) || (stopAfter > 0 && countedSoFar >= stopAfter);
    if (satisfied) {
      stop(activity, by, when, calendar);
      return true;
    }
    return changed;
  }

  private void stop(Activity activity, String by, Instant at, BusinessCalendar calendar) {
    Duration elapsed = elapsedAt(at, calendar);
    if (state == ClockState.PAUSED) {
      pausedSegments.get(pausedSegments.size() - 1).resume(at);
    }
    consumedMs = elapsed.toMillis();
    runningSince = null;
    nextFireAt = null;
    stoppedAt = at;
    // A breach already escalated stays a breach, however the satisfying activity is dated.
    boolean late = breachedAt != null;
    state = late ? ClockState.BREACHED : ClockState.MET;
    history.add(
        new ClockEvent(
            at,
            late ? ClockEvent.Type.SATISFIED_LATE : ClockEvent.Type.MET,
            (late ? "Satisfied after its breach by " : "Met by ")
                + activity.apiName()
                + " of "
                + by
                + " after "
                + BusinessDurations.describe(elapsed)
                + " of business time"));
  }

  private Instant lastPausedAt() {
    return pausedSegments.isEmpty()
        ? null
        : pausedSegments.get(pausedSegments.size() - 1).getPausedAt();
  }

  private static Instant latest(Instant first, Instant... others) {
    Instant latest = first;
    for (Instant other : others) {
      if (other != null && other.isAfter(latest)) {
        latest = other;
      }
    }
    return latest;
  }

  /**
   * The lead went to another rep: an open clock now counts against the new owner, while a breach
   * stays with the rep who owed it.
   */
  public void handOver(String newRepId, String detail, Instant at) {
    if (breachedAt == null) {
      this.repId = newRepId;
    }
    history.add(new ClockEvent(at, ClockEvent.Type.OWNER_CHANGED, detail));
  }

  /**
   * Records that nobody owns the lead yet: the clock keeps running, owed by the team (or the head
   * of the queue's side) until a rep takes the lead.
   */
  public void waitForOwner(String detail, Instant at) {
    history.add(new ClockEvent(at, ClockEvent.Type.WAITING_FOR_OWNER, detail));
  }

  /** Records where the time of a breach went and why, for the heads to argue from. */
  public void attribute(
      BreachCause cause, Duration intake, Duration waitingForOwner, Duration withOwner) {
    this.breachCause = cause;
    this.intakeMs = intake.toMillis();
    this.waitingForOwnerMs = waitingForOwner.toMillis();
    this.withOwnerMs = withOwner.toMillis();
  }

  /**
   * A head disputes the breach, with a note; kept with the breach.
   *
   * @throws IllegalStateException if the clock has not breached
   */
  public void dispute(Side by, String note, Instant at) {
    if (breachedAt == null) {
      throw new IllegalStateException("the clock \"" + name + "\" has not breached");
    }
    this.disputedBy = by;
    this.disputedAt = at;
    this.disputeNote = note;
    history.add(
        new ClockEvent(
            at, ClockEvent.Type.DISPUTED, "Disputed by the head of " + by + ": " + note));
  }

  /** Business time counted so far, as of {@code now}. */
  public Duration elapsedAt(Instant now, BusinessCalendar calendar) {
    return consumedAt(now, calendar);
  }

  private Duration consumedAt(Instant now, BusinessCalendar calendar) {
    Duration consumed = Duration.ofMillis(consumedMs);
    return runningSince == null || !now.isAfter(runningSince)
        ? consumed
        : consumed.plus(calendar.between(runningSince, now));
  }

  /** Recomputes the due time and the next stage from the business time still owed. */
  private void schedule(BusinessCalendar calendar) {
    Duration remaining = target().minusMillis(consumedMs);
    dueAt = calendar.plus(runningSince, remaining.isNegative() ? Duration.ZERO : remaining);
    List<StageTerm> plan = stagePlan();
    nextFireAt = stagesFired < plan.size() ? stageDueAt(plan.get(stagesFired), calendar) : null;
  }

  private Instant stageDueAt(StageTerm stage, BusinessCalendar calendar) {
    Duration offset = Duration.ofMillis(targetMs * stage.percent() / 100).minusMillis(consumedMs);
    return offset.isNegative() || offset.isZero()
        ? runningSince
        : calendar.plus(runningSince, offset);
  }

  private String stopDescription() {
    List<String> ways = new ArrayList<>();
    if (!stoppingActivities().isEmpty()) {
      ways.add(
          "a "
              + stoppingActivities().stream()
                  .map(Activity::apiName)
                  .collect(Collectors.joining(" or ")));
    }
    if (stopAfter > 0) {
      ways.add(stopAfter + " attempts (" + countedSoFar + " so far)");
    }
    return String.join(" or ", ways);
  }

  public List<StageTerm> stagePlan() {
    return Arrays.stream(stages.split(";"))
        .map(
            stage -> {
              String[] parts = stage.split(":");
              Set<Recipient> notify = EnumSet.noneOf(Recipient.class);
              if (parts.length > 1 && !parts[1].isEmpty()) {
                Arrays.stream(parts[1].split(",")).map(Recipient::valueOf).forEach(notify::add);
              }
              return new StageTerm(Integer.parseInt(parts[0]), notify);
            })
        .toList();
  }

  private static String encode(List<StageTerm> plan) {
    return plan.stream()
        .map(
            stage ->
                stage.percent()
                    + ":"
                    + stage.recipients().stream()
                        .sorted()
                        .map(Recipient::name)
                        .collect(Collectors.joining(",")))
        .collect(Collectors.joining(";"));
  }

  private static String names(Set<Activity> activities) {
    return activities.stream().sorted().map(Activity::name).collect(Collectors.joining(","));
  }

  private static Set<Activity> activities(String names) {
    Set<Activity> activities = EnumSet.noneOf(Activity.class);
    if (names != null && !names.isEmpty()) {
      Arrays.stream(names.split(",")).map(Activity::valueOf).forEach(activities::add);
    }
    return activities;
  }

  public Set<Activity> stoppingActivities() {
    return activities(stoppedBy);
  }

  public Set<Activity> countedActivities() {
    return activities(counted);
  }

  public UUID getId() {
    return id;
  }

  public UUID getLeadId() {
    return leadId;
  }

  public String getName() {
    return name;
  }

  public String getTermRule() {
    return termRule;
  }

  public Side getOwner() {
    return owner;
  }

  public String getTeamId() {
    return teamId;
  }

  public String getRepId() {
    return repId;
  }

  public String getCalendar() {
    return calendar;
  }

  public Duration target() {
    return Duration.ofMillis(targetMs);
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public ClockState getState() {
    return state;
  }

  /**
   * {@code on-track}, or the event name of the last stage fired ({@code warning-50}, {@code
   * breach}).
   */
  public String stage() {
    return stagesFired == 0 ? "on-track" : stagePlan().get(stagesFired - 1).eventName();
  }

  public int getStagesFired() {
    return stagesFired;
  }

  public Instant getNextFireAt() {
    return nextFireAt;
  }

  public Instant getStoppedAt() {
    return stoppedAt;
  }

  public Instant getBreachedAt() {
    return breachedAt;
  }

  public boolean isRerouteOnBreach() {
    return rerouteOnBreach;
  }

  public int getCountedSoFar() {
    return countedSoFar;
  }

  public BreachCause getBreachCause() {
    return breachCause;
  }

  public Duration getIntake() {
    return intakeMs == null ? null : Duration.ofMillis(intakeMs);
  }

  public Duration getWaitingForOwner() {
    return waitingForOwnerMs == null ? null : Duration.ofMillis(waitingForOwnerMs);
  }

  public Duration getWithOwner() {
    return withOwnerMs == null ? null : Duration.ofMillis(withOwnerMs);
  }

  public Side getDisputedBy() {
    return disputedBy;
  }

  public Instant getDisputedAt() {
    return disputedAt;
  }

  public String getDisputeNote() {
    return disputeNote;
  }

  public List<ClockEvent> getHistory() {
    return List.copyOf(history);
  }

  public List<PausedSegment> getPausedSegments() {
    return List.copyOf(pausedSegments);
  }
}
