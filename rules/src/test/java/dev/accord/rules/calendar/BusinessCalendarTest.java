package dev.accord.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadlines as a rep on the EMEA team would check them against the office clock. */
class BusinessCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final BusinessCalendar EMEA_WEEK =
      officeWeek(BERLIN, LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));

  @Test
  void leadArrivingFridayAt1750WithFifteenBusinessMinutesIsDueMondayAt0905() {
    Instant due = EMEA_WEEK.plus(berlin("2026-03-06T17:50"), Duration.ofMinutes(15));

    assertThat(due).isEqualTo(berlin("2026-03-09T09:05"));
  }

  @Test
  void lunchBreakDoesNotCount() {
    Instant due = EMEA_WEEK.plus(berlin("2026-03-09T12:00"), Duration.ofHours(1));

    assertThat(due).isEqualTo(berlin("2026-03-09T14:00"));
  }

  @Test
  void leadArrivingAtNightStartsCountingWhenTheOfficeOpens() {
    Instant due = EMEA_WEEK.plus(berlin("2026-03-10T03:00"), Duration.ofMinutes(30));

    assertThat(due).isEqualTo(berlin("2026-03-10T09:30"));
  }

  @Test
  void deadlineSkipsChristmasAndTheWeekendAfterIt() {
    Instant due = EMEA_WEEK.plus(berlin("2026-12-23T17:00"), Duration.ofHours(2));

    assertThat(due).isEqualTo(berlin("2026-12-28T10:00"));
  }

  @Test
  void timeRunningOutAtClosingIsDueAtClosingNotTheNextMorning() {
    Instant due = EMEA_WEEK.plus(berlin("2026-03-06T17:00"), Duration.ofHours(1));

    assertThat(due).isEqualTo(berlin("2026-03-06T18:00"));
  }

  @Test
  void noBusinessTimeIsDueAtOnceEvenOnASunday() {
    Instant sunday = berlin("2026-03-08T11:00");

    assertThat(EMEA_WEEK.plus(sunday, Duration.ZERO)).isEqualTo(sunday);
  }

  @Test
  void negativeBusinessTimeIsRefused() {
    assertThatThrownBy(() -> EMEA_WEEK.plus(berlin("2026-03-09T10:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingTimeBetweenFridayAfternoonAndMondayMorningIsTheHoursOfBothOnly() {
    assertThat(EMEA_WEEK.between(berlin("2026-03-06T17:00"), berlin("2026-03-09T10:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(EMEA_WEEK.between(berlin("2026-03-09T10:00"), berlin("2026-03-06T17:00")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void officeIsWorkingUntilLunchAndAgainAfterButNotOnAHoliday() {
    assertThat(EMEA_WEEK.isWorkingAt(berlin("2026-03-09T12:29:59"))).isTrue();
    assertThat(EMEA_WEEK.isWorkingAt(berlin("2026-03-09T12:30"))).isFalse();
    assertThat(EMEA_WEEK.isWorkingAt(berlin("2026-03-09T13:30"))).isTrue();
    assertThat(EMEA_WEEK.isWorkingAt(berlin("2026-03-09T18:00"))).isFalse();
    assertThat(EMEA_WEEK.isWorkingAt(berlin("2026-12-24T10:00"))).isFalse();
  }

  @Test
  void nightShiftOnTheNightClocksSpringForwardIsFiveRealHours() {
    BusinessCalendar nights = everyDay(BERLIN, WorkingHours.of(time("00:00"), time("06:00")));

    assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
        .isEqualTo(Duration.ofHours(5));
    assertThat(nights.plus(berlin("2026-03-29T00:00"), Duration.ofHours(5)))
        .isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
  }

  @Test
  void nightShiftOnTheNightClocksFallBackIsSevenRealHours() {
    BusinessCalendar nights = everyDay(BERLIN, WorkingHours.of(time("00:00"), time("06:00")));

    assertThat(nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
        .isEqualTo(Duration.ofHours(7));
  }

  @Test
  void hoursAcrossTheSkippedHourCountOnlyTheRealTimeOnEitherSide() {
    // 01:30 CET is 00:30 UTC; at 02:00 CET the clocks jump to 03:00 CEST, 01:00 UTC.
    BusinessCalendar night = everyDay(BERLIN, WorkingHours.of(time("01:30"), time("03:30")));

    Instant due = night.plus(berlin("2026-03-29T01:30"), Duration.ofMinutes(45));

    assertThat(due).isEqualTo(Instant.parse("2026-03-29T01:15:00Z"));
    assertThat(night.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void hoursStartingInsideTheRepeatedHourStartAtItsFirstOccurrence() {
    // Chicago goes from 02:00 CDT back to 01:00 CST, so 01:30 happens twice; the first counts and
    // everything from there to 03:30 CST is work, the repeated 01:00-01:30 included.
    BusinessCalendar night =
        everyDay(ZoneId.of("America/Chicago"), WorkingHours.of(time("01:30"), time("03:30")));

    assertThat(
            night.between(
                Instant.parse("2026-11-01T05:00:00Z"), Instant.parse("2026-11-01T12:00:00Z")))
        .isEqualTo(Duration.ofHours(3));
    assertThat(night.isWorkingAt(Instant.parse("2026-11-01T06:30:00Z"))).isTrue();
    assertThat(night.isWorkingAt(Instant.parse("2026-11-01T06:29:59Z"))).isFalse();
  }

  @Test
  void aroundTheClockCountsEveryMinuteOfEveryDay() {
    BusinessCalendar demo = BusinessCalendar.aroundTheClock("around-the-clock");
    Instant sundayNight = Instant.parse("2026-03-08T03:00:00Z");

    assertThat(demo.name()).isEqualTo("around-the-clock");
    assertThat(demo.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(demo.plus(sundayNight, Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-03-08T03:15:00Z"));
    assertThat(demo.between(sundayNight, sundayNight.plus(Duration.ofDays(3))))
        .isEqualTo(Duration.ofDays(3));
    assertThat(demo.isWorkingAt(sundayNight)).isTrue();
  }

  @Test
  void tenBusinessDaysFromAWednesdayEndTwoWeeksLaterAtTheSameTime() {
    Duration tenDays = Duration.ofHours(10 * 8);

    Instant due = EMEA_WEEK.plus(berlin("2026-03-04T11:00"), tenDays);

    assertThat(due).isEqualTo(berlin("2026-03-18T11:00"));
  }

  @Test
  void calendarWithoutAnyWorkingHoursIsRefusedBecauseNothingWouldEverBeDue() {
    assertThatThrownBy(() -> new BusinessCalendar("never", BERLIN, Map.of(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no working hours");
  }

  @Test
  void overlappingHoursInADayAreRefused() {
    Map<DayOfWeek, List<WorkingHours>> hours =
        Map.of(
            DayOfWeek.MONDAY,
            List.of(
                WorkingHours.of(time("09:00"), time("14:00")),
                WorkingHours.of(time("13:30"), time("18:00"))));

    assertThatThrownBy(() -> new BusinessCalendar("emea", BERLIN, hours, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("13:30-18:00 overlaps 09:00-14:00");
  }

  private static BusinessCalendar officeWeek(ZoneId zone, LocalDate... holidays) {
    Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      hours.put(
          day,
          List.of(
              WorkingHours.of(time("09:00"), time("12:30")),
              WorkingHours.of(time("13:30"), time("18:00"))));
    }
    return new BusinessCalendar("office week", zone, hours, Set.of(holidays));
  }

  private static BusinessCalendar everyDay(ZoneId zone, WorkingHours hours) {
    Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(hours));
    }
    return new BusinessCalendar("every day", zone, week, Set.of());
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  private static LocalTime time(String text) {
    return LocalTime.parse(text);
  }
}
