package dev.accord.sla.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.calendar.WorkingHours;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.ClockTerm;
import dev.accord.rules.sla.ClockTerm.StageTerm;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A clock's life on a controlled clock: stages fire once at their share of the target in business
 * time, late stages after downtime, pauses, and the activities that satisfy it.
 */
class SlaClockTest {

  private static final BusinessCalendar AROUND_THE_CLOCK =
      BusinessCalendar.aroundTheClock("around-the-clock");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  private static final ClockTerm FIRST_TOUCH =
      new ClockTerm(
          "First touch",
          "Sales touches an A lead within 15 business minutes",
          Side.SALES,
          Duration.ofMinutes(15),
          Optional.empty(),
          List.of(
              new StageTerm(50, Set.of(Recipient.REP)),
              new StageTerm(75, Set.of(Recipient.REP, Recipient.MANAGER)),
              new StageTerm(100, Set.of(Recipient.HEADS))),
          Set.of(Activity.TOUCH, Activity.CONNECT),
          0,
          Set.of(),
          true);

  private static SlaClock firstTouchClock(BusinessCalendar calendar, Instant at) {
    return new SlaClock(
        UUID.randomUUID(), FIRST_TOUCH, "emea", "ana.costa", calendar.name(), calendar, at);
  }

  @Test
  void eachStageFiresOnceAtItsShareOfTheTargetAndTheBreachStopsTheSchedule() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);
    assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    assertThat(clock.getNextFireAt()).isEqualTo(START.plus(Duration.ofSeconds(450)));

    assertThat(clock.fireDueStages(AROUND_THE_CLOCK, START.plusSeconds(449))).isEmpty();
    SlaClock.FiredStage half =
        clock.fireDueStages(AROUND_THE_CLOCK, START.plusSeconds(450)).orElseThrow();
    assertThat(half.stage().eventName()).isEqualTo("warning-50");
    assertThat(half.lateBy()).isZero();
    assertThat(clock.fireDueStages(AROUND_THE_CLOCK, START.plusSeconds(451))).isEmpty();
    assertThat(clock.getNextFireAt()).isEqualTo(START.plusSeconds(675));

    SlaClock.FiredStage threeQuarters =
        clock.fireDueStages(AROUND_THE_CLOCK, START.plusSeconds(675).plusMillis(300)).orElseThrow();
    assertThat(threeQuarters.stage().recipients())
        .containsExactlyInAnyOrder(Recipient.REP, Recipient.MANAGER);
    assertThat(threeQuarters.lateBy()).isEqualTo(Duration.ofMillis(300));

    SlaClock.FiredStage breach =
        clock.fireDueStages(AROUND_THE_CLOCK, START.plusSeconds(900)).orElseThrow();
    assertThat(breach.stage().isBreach()).isTrue();
    assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
    assertThat(clock.getBreachedAt()).isEqualTo(START.plusSeconds(900));
    assertThat(clock.getNextFireAt()).isNull();
    assertThat(clock.stage()).isEqualTo("breach");
    assertThat(clock.getHistory())
        .extracting(ClockEvent::getType, ClockEvent::getDetail)
        .containsExactly(
            tuple(
                "STARTED",
                "Started by the rule \"Sales touches an A lead within 15 business minutes\": SALES"
                    + " owes it within 15 min of business time (around-the-clock calendar)"),
            tuple("WARNING", "50 % of 15 min passed; 7 min 30 s of business time left"),
            tuple("WARNING", "75 % of 15 min passed; 3 min 45 s of business time left"),
            tuple("BREACH", "Breached: 15 min of business time passed without a touch or connect"));
  }

  @Test
  void afterDowntimeEveryMissedStageIsRecordedLateButOnlyTheBreachIsEscalated() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);

    SlaClock.FiredStage fired =
        clock.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofMinutes(20))).orElseThrow();

    assertThat(fired.stage().isBreach()).isTrue();
    assertThat(fired.number()).isEqualTo(3);
    assertThat(fired.lateBy()).isEqualTo(Duration.ofMinutes(5));
    assertThat(clock.getHistory().subList(1, 4))
        .extracting(ClockEvent::getType, ClockEvent::getLate)
        .containsExactly(
            tuple("WARNING", Duration.ofSeconds(750)),
            tuple("WARNING", Duration.ofSeconds(525)),
            tuple("BREACH", Duration.ofMinutes(5)));
    assertThat(clock.getHistory().get(1).getDetail())
        .endsWith("(fired late together with a later stage; only the later one was sent)");
    assertThat(clock.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofMinutes(30)))).isEmpty();
  }

  @Test
  void aTouchBeforeTheDueTimeMeetsTheClockAndNothingFiresAfterwards() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);

    assertThat(clock.apply(Activity.TOUCH, "ana.costa", START.plusSeconds(300), AROUND_THE_CLOCK))
        .isTrue();

    assertThat(clock.getState()).isEqualTo(ClockState.MET);
    assertThat(clock.getNextFireAt()).isNull();
    assertThat(clock.elapsedAt(START.plus(Duration.ofHours(1)), AROUND_THE_CLOCK))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(clock.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(clock.getHistory().get(1).getDetail())
        .isEqualTo("Met by touch of ana.costa after 5 min of business time");
  }

  @Test
  void aTouchLoggedAfterTheBreachButDatedBeforeItLeavesTheClockBreached() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);
    clock.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofMinutes(15)));

    clock.apply(Activity.TOUCH, "ana.costa", START.plus(Duration.ofMinutes(10)), AROUND_THE_CLOCK);

    assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
    assertThat(clock.getStoppedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(clock.getHistory().get(clock.getHistory().size() - 1).getType())
        .isEqualTo("SATISFIED_LATE");
  }

  @Test
  void aResumeDatedBeforeThePauseCountsFromThePauseSoNoTimeIsCountedTwice() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);
    clock.apply(Activity.PAUSE, "ana.costa", START.plusSeconds(300), AROUND_THE_CLOCK);

    clock.apply(Activity.RESUME, "ana.costa", START.plusSeconds(120), AROUND_THE_CLOCK);

    assertThat(clock.getPausedSegments())
        .extracting(PausedSegment::getPausedAt, PausedSegment::getResumedAt)
        .containsExactly(tuple(START.plusSeconds(300), START.plusSeconds(300)));
    assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    assertThat(clock.elapsedAt(START.plusSeconds(360), AROUND_THE_CLOCK))
        .isEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void aPauseStopsTheCountAndAResumeMovesTheDueTimeByThePausedTime() {
    SlaClock clock = firstTouchClock(AROUND_THE_CLOCK, START);

    clock.apply(Activity.PAUSE, "ana.costa", START.plusSeconds(300), AROUND_THE_CLOCK);
    assertThat(clock.getState()).isEqualTo(ClockState.PAUSED);
    assertThat(clock.getNextFireAt()).isNull();
    assertThat(clock.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofHours(1)))).isEmpty();

    clock.apply(Activity.RESUME, "ana.costa", START.plus(Duration.ofMinutes(65)), AROUND_THE_CLOCK);

    assertThat(clock.getState()).isEqualTo(ClockState.RUNNING);
    assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofMinutes(75)));
    assertThat(clock.getNextFireAt())
        .isEqualTo(START.plus(Duration.ofMinutes(65)).plusSeconds(150));
    assertThat(clock.getPausedSegments())
        .extracting(PausedSegment::getPausedAt, PausedSegment::getResumedAt)
        .containsExactly(tuple(START.plusSeconds(300), START.plus(Duration.ofMinutes(65))));
    assertThat(clock.elapsedAt(START.plus(Duration.ofMinutes(70)), AROUND_THE_CLOCK))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aCadenceIsSatisfiedBySixAttemptsAndSaysHowManyItCountedSoFar() {
    ClockTerm cadence =
        new ClockTerm(
            "Follow-up cadence",
            "Sales tries an A or B lead at least 6 times",
            Side.SALES,
            Duration.ofHours(80),
            Optional.empty(),
            List.of(new StageTerm(100, Set.of(Recipient.HEADS))),
            Set.of(Activity.CONNECT),
            6,
            Set.of(Activity.TOUCH, Activity.CONNECT),
            false);
    SlaClock clock =
        new SlaClock(
            UUID.randomUUID(),
            cadence,
            "emea",
            "ana.costa",
            "around-the-clock",
            AROUND_THE_CLOCK,
            START);

    for (int attempt = 1; attempt <= 5; attempt++) {
      clock.apply(
          Activity.TOUCH, "ana.costa", START.plus(Duration.ofHours(attempt)), AROUND_THE_CLOCK);
    }
    assertThat(clock.getState()).isEqualTo(ClockState.RUNNING);
    assertThat(clock.getHistory().get(5).getDetail()).isEqualTo("touch by ana.costa: 5 of 6");

    clock.apply(Activity.TOUCH, "ana.costa", START.plus(Duration.ofHours(6)), AROUND_THE_CLOCK);

    assertThat(clock.getState()).isEqualTo(ClockState.MET);
    assertThat(clock.getCountedSoFar()).isEqualTo(6);
  }

  @Test
  void aHandOverMovesAnOpenClockToTheNewRepButABreachStaysWithTheRepWhoOwedIt() {
    SlaClock open = firstTouchClock(AROUND_THE_CLOCK, START);
    SlaClock breached = firstTouchClock(AROUND_THE_CLOCK, START);
    breached.fireDueStages(AROUND_THE_CLOCK, START.plus(Duration.ofMinutes(15)));

    open.handOver(
        "jonas.weber", "Re-routed from Ana Costa to Jonas Weber on breach", START.plusSeconds(900));
    breached.handOver(
        "jonas.weber", "Re-routed from Ana Costa to Jonas Weber on breach", START.plusSeconds(900));

    assertThat(open.getRepId()).isEqualTo("jonas.weber");
    assertThat(breached.getRepId()).isEqualTo("ana.costa");
    assertThat(breached.getHistory().get(breached.getHistory().size() - 1).getType())
        .isEqualTo("OWNER_CHANGED");
  }

  @Test
  void aLeadArrivingFridayAfternoonInBerlinIsDueOnMondayMorningInBusinessTime() {
    Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, List.of(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0))));
    }
    BusinessCalendar emea = new BusinessCalendar("emea", BERLIN, week, Set.of());
    Instant fridayAfternoon = ZonedDateTime.of(2026, 12, 4, 16, 55, 0, 0, BERLIN).toInstant();

    SlaClock clock = firstTouchClock(emea, fridayAfternoon);

    assertThat(clock.getDueAt().atZone(BERLIN))
        .isEqualTo(ZonedDateTime.of(2026, 12, 7, 9, 10, 0, 0, BERLIN));
    assertThat(clock.getNextFireAt().atZone(BERLIN))
        .isEqualTo(ZonedDateTime.of(2026, 12, 7, 9, 2, 30, 0, BERLIN));
  }
}
