package dev.accord.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.calendar.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A team's office hours, worked by each rep in their own time zone, across a clock change. */
class WorkingShiftTest {

  /** Monday to Friday, nine to five, written for the team in Berlin. */
  private static final BusinessCalendar OFFICE =
      new BusinessCalendar(
          "emea",
          ZoneId.of("Europe/Berlin"),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream()
              .collect(
                  Collectors.toMap(
                      Function.identity(),
                      day -> List.of(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0))))),
          Set.of(LocalDate.of(2026, 12, 25)));

  private static final WorkingShift IN_NEW_YORK =
      new WorkingShift(OFFICE, ZoneId.of("America/New_York"));

  private static final WorkingShift IN_LISBON =
      new WorkingShift(OFFICE, ZoneId.of("Europe/Lisbon"));

  @Test
  void theSameHourUtcIsOnShiftBeforeNewYorksClockChangeAndOffShiftAfterIt() {
    // 13:30 UTC is 09:30 in New York on summer time (Friday), 08:30 on winter time (Monday, after
    // the clocks went back on Sunday 1 November 2026).
    Instant fridayBefore = Instant.parse("2026-10-30T13:30:00Z");
    Instant mondayAfter = Instant.parse("2026-11-02T13:30:00Z");

    assertThat(IN_NEW_YORK.whyOffShift(fridayBefore)).isEmpty();
    assertThat(IN_NEW_YORK.whyOffShift(mondayAfter))
        .contains(
            "off shift: works the emea calendar's hours in America/New_York, on shift again"
                + " Monday 2 November 09:00 (2026-11-02T14:00:00Z)");
  }

  @Test
  void repsOfOneTeamWorkTheTeamsHoursWhereTheyAre() {
    Instant monday = Instant.parse("2026-11-02T13:30:00Z");

    // 13:30 in Lisbon, 08:30 in New York.
    assertThat(IN_LISBON.onShiftAt(monday)).isTrue();
    assertThat(IN_NEW_YORK.onShiftAt(monday)).isFalse();
    // At five in Lisbon the shift is over; New York has until 22:00 UTC.
    assertThat(IN_LISBON.onShiftAt(Instant.parse("2026-11-02T17:00:00Z"))).isFalse();
    assertThat(IN_NEW_YORK.onShiftAt(Instant.parse("2026-11-02T21:59:00Z"))).isTrue();
  }

  @Test
  void afterFridaysShiftTheNextIsOnMondayAndNotOnAHoliday() {
    assertThat(IN_LISBON.whyOffShift(Instant.parse("2026-11-06T18:00:00Z")))
        .contains(
            "off shift: works the emea calendar's hours in Europe/Lisbon, on shift again Monday 9"
                + " November 09:00 (2026-11-09T09:00:00Z)");
    assertThat(IN_LISBON.nextOnShift(Instant.parse("2026-12-24T17:30:00Z")))
        .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
  }

  @Test
  void aRepOnShiftIsOnShiftFromThatVeryInstant() {
    Instant now = Instant.parse("2026-11-04T10:15:00Z");

    assertThat(IN_LISBON.nextOnShift(now)).isEqualTo(now);
    assertThat(Map.of("rep", IN_LISBON.whyOffShift(now)))
        .containsEntry("rep", java.util.Optional.empty());
  }
}
