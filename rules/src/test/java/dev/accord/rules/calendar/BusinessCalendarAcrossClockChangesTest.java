package dev.accord.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.calendar.MinuteByMinute.Run;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Deadlines around every clock change from 2020 to 2035 in zones with summer time on either
 * hemisphere, a half-hour change (Lord Howe Island) and changes at midnight (Santiago), for
 * calendars whose hours run straight through the changed hour: the day-by-day walk must agree with
 * itself and with counting minute by minute.
 */
class BusinessCalendarAcrossClockChangesTest {

  private static final List<ZoneId> ZONES =
      Stream.of(
              "Europe/Berlin",
              "America/Chicago",
              "Australia/Lord_Howe",
              "Australia/Sydney",
              "America/Santiago",
              "Pacific/Auckland")
          .map(ZoneId::of)
          .toList();

  private static final List<ClockChange> CLOCK_CHANGES =
      ZONES.stream()
          .flatMap(
              zone ->
                  ClockChange.of(
                      zone,
                      Instant.parse("2020-01-01T00:00:00Z"),
                      Instant.parse("2036-01-01T00:00:00Z"))
                      .stream())
          .toList();

  private static final Duration TEN_BUSINESS_DAYS = Duration.ofHours(10 * 8);
  private static final Duration NEAR = Duration.ofDays(3);

  /**
   * Working weeks whose hours straddle the hour the clocks change in each of the zones, by name;
   * sorted, so that a seed jqwik reports picks the same weeks when run again.
   */
  private static final Map<String, Map<DayOfWeek, List<WorkingHours>>> WEEKS =
      new TreeMap<>(
          Map.of(
              "night shift through the change",
              everyDay(hours("00:00", "06:00"), hours("09:00", "17:00")),
              "short night window around the change",
              everyDay(hours("01:30", "03:30"), hours("09:00", "17:00")),
              "office week with a late Saturday and an early Sunday",
              officeWeekWithWeekendShifts(),
              "hours starting and ending inside the changed hour",
              everyDay(
                  hours("00:30", "01:45"),
                  hours("01:50", "02:20"),
                  hours("02:40", "03:10"),
                  hours("03:20", "05:00"),
                  hours("09:00", "17:00"),
                  hours("23:15", "23:45"))));

  /** A calendar on one of {@link #WEEKS} around one clock change, and where counting starts. */
  record Scenario(
      ClockChange change, String week, boolean holidayOnTheDayOfTheChange, Instant from) {

    BusinessCalendar calendar() {
      return new BusinessCalendar(
          week,
          change.zone(),
          WEEKS.get(week),
          holidayOnTheDayOfTheChange ? Set.of(change.date()) : Set.of());
    }
  }

  @Example
  void everyZoneChangesItsClocksTwiceAYearFrom2020To2035() {
    Map<String, Long> changesPerZone =
        CLOCK_CHANGES.stream()
            .collect(
                Collectors.groupingBy(
                    change -> change.zone().getId(), TreeMap::new, Collectors.counting()));

    assertThat(changesPerZone)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "America/Chicago", 32L,
                "America/Santiago", 32L,
                "Australia/Lord_Howe", 32L,
                "Australia/Sydney", 32L,
                "Europe/Berlin", 32L,
                "Pacific/Auckland", 32L));
  }

  @Example
  void theWallClockTellsWorkingTimeUnlessHoursStartOrEndInsideTheChangedHour() {
    Set<String> cutThrough = new TreeSet<>();
    for (ClockChange change : CLOCK_CHANGES) {
      for (String week : WEEKS.keySet()) {
        if (change.cutsThrough(new Scenario(change, week, false, change.instant()).calendar())) {
          cutThrough.add(change.zone() + ": " + week);
        }
      }
    }

    // Chicago falls back from 02:00 to 01:00, so 01:30 happens twice; Lord Howe's repeated
    // half hour starts at 01:30 itself.
    Set<String> expected = new TreeSet<>();
    expected.add("America/Chicago: short night window around the change");
    ZONES.forEach(
        zone -> expected.add(zone + ": hours starting and ending inside the changed hour"));
    assertThat(cutThrough).isEqualTo(expected);
  }

  @Example
  void everyClockChangeFrom2020To2035MatchesCountingMinuteByMinute() {
    int checked = 0;
    for (ClockChange change : CLOCK_CHANGES) {
      for (String week : WEEKS.keySet()) {
        BusinessCalendar calendar = new Scenario(change, week, false, change.instant()).calendar();
        Instant from = change.instant().minus(Duration.ofHours(36));
        Instant to = change.instant().plus(Duration.ofHours(36));
        List<Run> runs = MinuteByMinute.runs(MinuteByMinute.byDefinition(calendar), from, to);
        if (!change.cutsThrough(calendar)) {
          assertThat(MinuteByMinute.runs(MinuteByMinute.byWallClock(calendar), from, to))
              .as("%s on the wall clock around %s", week, change)
              .isEqualTo(runs);
        }
        assertThat(calendar.between(from, to))
            .as("%s: working time around %s", week, change)
            .isEqualTo(runs.stream().map(Run::length).reduce(Duration.ZERO, Duration::plus));
        assertThat(runsAsPlusSeesThem(calendar, from, runs))
            .as("%s: deadlines around %s", week, change)
            .isEqualTo(runs);
        assertThat(workingAtTheEdgesOf(runs, calendar::isWorkingAt))
            .as("%s: working or not around %s", week, change)
            .isEqualTo(workingAtTheEdgesOf(runs, MinuteByMinute.byDefinition(calendar)));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(CLOCK_CHANGES.size() * WEEKS.size());
  }

  @Property(tries = 3000)
  void businessTimeBetweenTheStartAndTheDeadlineIsExactlyWhatWasAdded(
      @ForAll("nearAClockChange") Scenario scenario,
      @ForAll("upToTenBusinessDays") Duration businessTime) {
    BusinessCalendar calendar = scenario.calendar();

    Instant due = calendar.plus(scenario.from(), businessTime);

    assertThat(calendar.between(scenario.from(), due)).isEqualTo(businessTime);
  }

  @Property(tries = 3000)
  void theSecondBeforeADeadlineIsWorkingTime(
      @ForAll("nearAClockChange") Scenario scenario,
      @ForAll("upToTenBusinessDays") Duration businessTime) {
    BusinessCalendar calendar = scenario.calendar();

    Instant due = calendar.plus(scenario.from(), businessTime);

    assertThat(calendar.isWorkingAt(due.minusSeconds(1))).isTrue();
  }

  @Property(tries = 3000)
  void addingBusinessTimeInTwoStepsLandsWhereAddingItAtOnceDoes(
      @ForAll("nearAClockChange") Scenario scenario,
      @ForAll("upToTenBusinessDays") Duration first,
      @ForAll("upToTenBusinessDays") Duration second) {
    BusinessCalendar calendar = scenario.calendar();

    Instant inTwoSteps = calendar.plus(calendar.plus(scenario.from(), first), second);

    assertThat(inTwoSteps).isEqualTo(calendar.plus(scenario.from(), first.plus(second)));
  }

  @Property(tries = 3000)
  void moreBusinessTimeAlwaysMeansALaterDeadline(
      @ForAll("nearAClockChange") Scenario scenario,
      @ForAll("upToTenBusinessDays") Duration shorter,
      @ForAll("upToTenBusinessDays") Duration extra) {
    BusinessCalendar calendar = scenario.calendar();

    assertThat(calendar.plus(scenario.from(), shorter.plus(extra)))
        .isAfter(calendar.plus(scenario.from(), shorter));
  }

  @Property(tries = 500)
  void deadlinesAgreeWithCountingEveryMinuteTheCalendarDefines(
      @ForAll("minuteAlignedNearAClockChange") Scenario scenario,
      @ForAll("upToTwoBusinessDaysInMinutes") long minutes) {
    BusinessCalendar calendar = scenario.calendar();
    Predicate<Instant> working = MinuteByMinute.byDefinition(calendar);

    Instant due = calendar.plus(scenario.from(), Duration.ofMinutes(minutes));

    assertThat(due).isEqualTo(MinuteByMinute.deadline(working, scenario.from(), minutes));
    assertWorkingAtEveryMinuteAsCounted(calendar, working, scenario.from(), due);
  }

  @Property(tries = 500)
  void deadlinesAgreeWithCountingEveryMinuteOnTheWallClock(
      @ForAll("minuteAlignedNearAClockChangeTheWallClockReadsRight") Scenario scenario,
      @ForAll("upToTwoBusinessDaysInMinutes") long minutes) {
    BusinessCalendar calendar = scenario.calendar();
    Predicate<Instant> working = MinuteByMinute.byWallClock(calendar);

    Instant due = calendar.plus(scenario.from(), Duration.ofMinutes(minutes));

    assertThat(due).isEqualTo(MinuteByMinute.deadline(working, scenario.from(), minutes));
    assertWorkingAtEveryMinuteAsCounted(calendar, working, scenario.from(), due);
  }

  @Provide
  Arbitrary<Scenario> nearAClockChange() {
    return scenarios(Duration.ofSeconds(1));
  }

  @Provide
  Arbitrary<Scenario> minuteAlignedNearAClockChange() {
    return scenarios(Duration.ofMinutes(1));
  }

  @Provide
  Arbitrary<Scenario> minuteAlignedNearAClockChangeTheWallClockReadsRight() {
    return scenarios(Duration.ofMinutes(1))
        .filter(scenario -> !scenario.change().cutsThrough(scenario.calendar()));
  }

  @Provide
  Arbitrary<Duration> upToTenBusinessDays() {
    return Arbitraries.longs().between(1, TEN_BUSINESS_DAYS.toSeconds()).map(Duration::ofSeconds);
  }

  @Provide
  Arbitrary<Long> upToTwoBusinessDaysInMinutes() {
    return Arbitraries.longs().between(1, Duration.ofHours(2 * 24).toMinutes());
  }

  /** Starting up to three days either side of a clock change, on a whole {@code step}. */
  private static Arbitrary<Scenario> scenarios(Duration step) {
    long steps = NEAR.dividedBy(step);
    return Combinators.combine(
            Arbitraries.of(CLOCK_CHANGES),
            Arbitraries.of(List.copyOf(WEEKS.keySet())),
            Arbitraries.of(false, true),
            Arbitraries.longs().between(-steps, steps))
        .as(
            (change, week, holiday, offset) ->
                new Scenario(
                    change, week, holiday, change.instant().plus(step.multipliedBy(offset))));
  }

  /**
   * Each run of working time as {@link BusinessCalendar#plus} finds it from {@code from}: its first
   * second is reached by adding one second more than all the runs before it, its end by adding its
   * whole length.
   */
  private static List<Run> runsAsPlusSeesThem(
      BusinessCalendar calendar, Instant from, List<Run> runs) {
    List<Run> seen = new ArrayList<>();
    Duration before = Duration.ZERO;
    for (Run run : runs) {
      seen.add(
          new Run(
              calendar.plus(from, before.plusSeconds(1)).minusSeconds(1),
              calendar.plus(from, before.plus(run.length()))));
      before = before.plus(run.length());
    }
    return seen;
  }

  /** Whether it is working time just before, at, and just after the start and end of each run. */
  private static Map<Instant, Boolean> workingAtTheEdgesOf(
      List<Run> runs, Predicate<Instant> working) {
    Map<Instant, Boolean> edges = new TreeMap<>();
    for (Run run : runs) {
      for (Instant edge : List.of(run.start(), run.end())) {
        for (Instant instant : List.of(edge.minusSeconds(1), edge, edge.plusSeconds(1))) {
          edges.put(instant, working.test(instant));
        }
      }
    }
    return edges;
  }

  private static void assertWorkingAtEveryMinuteAsCounted(
      BusinessCalendar calendar, Predicate<Instant> working, Instant from, Instant to) {
    for (Instant minute = from; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
      assertThat(calendar.isWorkingAt(minute))
          .as("working at %s", minute)
          .isEqualTo(working.test(minute));
    }
  }

  private static WorkingHours hours(String start, String end) {
    return WorkingHours.of(LocalTime.parse(start), LocalTime.parse(end));
  }

  private static Map<DayOfWeek, List<WorkingHours>> everyDay(WorkingHours... hours) {
    Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(hours));
    }
    return week;
  }

  private static Map<DayOfWeek, List<WorkingHours>> officeWeekWithWeekendShifts() {
    Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, List.of(hours("09:00", "12:30"), hours("13:30", "18:00")));
    }
    week.put(DayOfWeek.SATURDAY, List.of(WorkingHours.untilMidnight(LocalTime.parse("20:00"))));
    week.put(DayOfWeek.SUNDAY, List.of(hours("00:00", "06:00")));
    return week;
  }
}
