package dev.accord.rules.sla;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One clock a term starts for a lead: what is owed, by which side, how fast, and whom each stage
 * notifies; the SLA engine runs it, the rule that set it out is its reason.
 *
 * @param name what the clock measures, e.g. "First touch"; unique per lead
 * @param rule the name of the rule that started it
 * @param calendar the calendar whose working hours count; empty for the lead's team calendar
 * @param stages the warnings in rising order, then the breach at 100 %
 * @param stoppedBy any one of these activities satisfies the clock
 * @param stopAfter this many of the {@code counted} activities satisfy it too (0: no count)
 * @param rerouteOnBreach whether a breach hands the lead to another rep of the team
 */
public record ClockTerm(
    String name,
    String rule,
    Side owner,
    Duration target,
    Optional<String> calendar,
    List<StageTerm> stages,
    Set<Activity> stoppedBy,
    int stopAfter,
    Set<Activity> counted,
    boolean rerouteOnBreach) {

  public ClockTerm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calendar, "calendar");
    stages = List.copyOf(stages);
    stoppedBy = immutableCopy(stoppedBy, Activity.class);
    counted = immutableCopy(counted, Activity.class);
  }

  /** The breach stage, always the last. */
  public StageTerm breach() {
    return stages.get(stages.size() - 1);
  }

  /**
   * One stage of a clock: a warning at a share of the target, or the breach at 100 %.
   *
   * @param percent of the target elapsed in business time when the stage fires
   */
  public record StageTerm(int percent, Set<Recipient> recipients) {

    public StageTerm {
      recipients = immutableCopy(recipients, Recipient.class);
    }

    public boolean isBreach() {
      return percent == 100;
    }

    /** {@code warning-50}, {@code warning-75} or {@code breach}: the name of the event it fires. */
    public String eventName() {
      return isBreach() ? "breach" : "warning-" + percent;
    }
  }

  // Every decision builds its clock terms: an EnumSet copies without hashing, and iterates in the
  // order the enum declares instead of one that changes from run to run.
  private static <E extends Enum<E>> Set<E> immutableCopy(Set<E> values, Class<E> type) {
    Set<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
