package dev.accord.rules.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where SLA rules start clocks ({@code sla.clock("First touch").owedBy(Side.SALES)...}); the first
 * rule to start a clock of a name wins, so a more specific term takes a higher salience, and a term
 * missing its owner, target or way to stop is refused with the rule's name.
 */
public final class SlaTerms {

  private final Supplier<String> firingRule;
  private final Map<String, ClockBuilder> clocks = new LinkedHashMap<>();

  /**
   * @param firingRule the name of the rule whose consequence is running
   */
  public SlaTerms(Supplier<String> firingRule) {
    this.firingRule = Objects.requireNonNull(firingRule, "firingRule");
  }

  /**
   * Starts describing a clock, or goes on describing the one this rule started under this name (a
   * decision table's columns each add to the row's clock); if an earlier rule already started one
   * of this name, the returned builder is detached and changes nothing.
   */
  public ClockBuilder clock(String name) {
    Objects.requireNonNull(name, "name");
    String rule = firingRule.get();
    ClockBuilder started = clocks.get(name.strip());
    if (started != null && started.rule.equals(rule)) {
      return started;
    }
    ClockBuilder builder = new ClockBuilder(name.strip(), rule);
    clocks.putIfAbsent(builder.name, builder);
    return builder;
  }

  /**
   * The clocks the rules started, in the order the rules fired.
   *
   * @throws IllegalStateException naming the rule whose clock is incomplete
   */
  public List<ClockTerm> terms() {
    return clocks.values().stream().map(ClockBuilder::build).toList();
  }

  /** Fills in one clock term; every method returns the builder so a rule reads as one sentence. */
  public static final class ClockBuilder {

    private static final Set<Recipient> FIRST_WARNING = EnumSet.of(Recipient.REP);
    private static final Set<Recipient> LATER_WARNINGS =
        EnumSet.of(Recipient.REP, Recipient.MANAGER);
    private static final Set<Recipient> BREACH = EnumSet.of(Recipient.HEADS);

    private final String name;
    private final String rule;
    private Side owner;
    private Duration target;
    private String calendar;
    private final TreeMap<Integer, Set<Recipient>> warnings = new TreeMap<>();
    private boolean defaultWarnings = true;
    private Set<Recipient> onBreach = BREACH;
    private final Set<Activity> stoppedBy = EnumSet.noneOf(Activity.class);
    private int stopAfter;
    private final Set<Activity> counted = EnumSet.noneOf(Activity.class);
    private boolean rerouteOnBreach;

    private ClockBuilder(String name, String rule) {
      this.name = name;
      this.rule = rule;
    }

    public ClockBuilder owedBy(Side side) {
      this.owner = Objects.requireNonNull(side, "side");
      return this;
    }

    /** The target in business time, e.g. {@code BusinessTime.minutes(15)}. */
    public ClockBuilder within(Duration businessTime) {
      this.target = Objects.requireNonNull(businessTime, "businessTime");
      return this;
    }

    /** Counts in this calendar's working hours instead of the lead's team calendar. */
    public ClockBuilder inCalendar(String calendarName) {
      this.calendar = Objects.requireNonNull(calendarName, "calendarName");
      return this;
    }

    /**
     * A warning when this share of the target has passed, to these recipients. The first call
     * replaces the default warnings (50 % to the rep, 75 % to the rep and the team's manager).
     */
    public ClockBuilder warnAt(int percent, Recipient... recipients) {
      if (defaultWarnings) {
        warnings.clear();
        defaultWarnings = false;
      }
      warnings.put(
          percent, recipients.length == 0 ? FIRST_WARNING : EnumSet.copyOf(List.of(recipients)));
      return this;
    }

    /** No warnings at all, only the breach. */
    public ClockBuilder withoutWarnings() {
      warnings.clear();
      defaultWarnings = false;
      return this;
    }

    /** Whom the breach notifies; both department heads unless a term says otherwise. */
    public ClockBuilder onBreachNotify(Recipient... recipients) {
      this.onBreach = EnumSet.copyOf(Arrays.asList(recipients));
      return this;
    }

    /** Any one of these activities satisfies the clock. */
    public ClockBuilder stoppedBy(Activity... activities) {
      stoppedBy.addAll(Arrays.asList(activities));
      return this;
    }

    /** This many of these activities satisfy the clock, e.g. a cadence of 6 attempts. */
    public ClockBuilder stoppedAfter(int count, Activity... activities) {
      this.stopAfter = count;
      counted.addAll(Arrays.asList(activities));
      return this;
    }

    /** A breach hands the lead to another rep of the team. */
    public ClockBuilder reroutedOnBreach() {
      return reroutedOnBreach(true);
    }

    /** Whether a breach hands the lead to another rep: a table's yes/no column (true/false). */
    public ClockBuilder reroutedOnBreach(boolean reroute) {
      this.rerouteOnBreach = reroute;
      return this;
    }

    ClockTerm build() {
      List<String> missing = new ArrayList<>();
      if (owner == null) {
        missing.add("who owes it (.owedBy(Side.SALES))");
      }
      if (target == null || target.isZero() || target.isNegative()) {
        missing.add("a positive target (.within(BusinessTime.hours(4)))");
      }
      if (stoppedBy.isEmpty() && (stopAfter <= 0 || counted.isEmpty())) {
        missing.add("what satisfies it (.stoppedBy(Activity.TOUCH))");
      }
      warnings.keySet().stream()
          .filter(percent -> percent <= 0 || percent >= 100)
          .forEach(percent -> missing.add("warnings between 1 and 99 %, not " + percent));
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "rule \""
                + rule
                + "\" starts clock \""
                + name
                + "\" without "
                + String.join(", ", missing));
      }
      List<ClockTerm.StageTerm> stages = new ArrayList<>();
      if (defaultWarnings) {
        stages.add(new ClockTerm.StageTerm(50, FIRST_WARNING));
        stages.add(new ClockTerm.StageTerm(75, LATER_WARNINGS));
      } else {
        warnings.forEach((percent, to) -> stages.add(new ClockTerm.StageTerm(percent, to)));
      }
      stages.add(new ClockTerm.StageTerm(100, onBreach));
      return new ClockTerm(
          name,
          rule,
          owner,
          target,
          Optional.ofNullable(calendar),
          stages,
          stoppedBy,
          stopAfter,
          counted,
          rerouteOnBreach);
    }
  }
}
