package dev.accord.rules.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The slowest possible reading of a calendar, one minute at a time, as a reference the day-by-day
 * walk of {@link BusinessCalendar} must agree with. Only valid where every working hour starts and
 * ends on a whole minute, which holds for the zones tested.
 */
final class MinuteByMinute {

  private MinuteByMinute() {}

  /** A stretch of consecutive working minutes, [start, end). */
  record Run(Instant start, Instant end) {

    Duration length() {
      return Duration.between(start, end);
    }
  }

  /**
   * The calendar as defined: each day's hours turned into instants with {@link ZonedDateTime#of}, a
   * minute works if it lies inside any of them. Looks two days either side of the minute's local
   * date, which is wide enough for any clock change.
   */
  static Predicate<Instant> byDefinition(BusinessCalendar calendar) {
    ZoneId zone = calendar.zone();
    Map<LocalDate, List<Run>> byDate = new HashMap<>();
    return minute -> {
      LocalDate local = LocalDate.ofInstant(minute, zone);
      for (LocalDate date = local.minusDays(2);
          !date.isAfter(local.plusDays(2));
          date = date.plusDays(1)) {
        for (Run hours : byDate.computeIfAbsent(date, day -> hoursOf(calendar, day))) {
          if (!minute.isBefore(hours.start()) && minute.isBefore(hours.end())) {
            return true;
          }
        }
      }
      return false;
    };
  }

  /**
   * What the clock on the office wall says: the local date is no holiday and the local time is
   * inside that day's hours. Agrees with the definition unless an edge of the hours falls inside a
   * clock change (see {@link ClockChange#cutsThrough}).
   */
  static Predicate<Instant> byWallClock(BusinessCalendar calendar) {
    return minute -> {
      ZonedDateTime local = minute.atZone(calendar.zone());
      if (calendar.holidays().contains(local.toLocalDate())) {
        return false;
      }
      LocalTime time = local.toLocalTime();
      return calendar.hours(local.getDayOfWeek()).stream()
          .anyMatch(
              hours ->
                  !time.isBefore(hours.start())
                      && (hours.endsAtMidnight() || time.isBefore(hours.end())));
    };
  }

  /** Where {@code minutes} of working time have passed, stepping a minute at a time. */
  static Instant deadline(Predicate<Instant> working, Instant from, long minutes) {
    Instant minute = from;
    for (long left = minutes; left > 0; minute = minute.plus(Duration.ofMinutes(1))) {
      if (working.test(minute)) {
        left--;
      }
    }
    return minute;
  }

  /** The runs of working minutes in [from, to), cut at both ends. */
  static List<Run> runs(Predicate<Instant> working, Instant from, Instant to) {
    List<Run> runs = new ArrayList<>();
    Instant runStart = null;
    for (Instant minute = from; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
      boolean works = working.test(minute);
      if (works && runStart == null) {
        runStart = minute;
      } else if (!works && runStart != null) {
        runs.add(new Run(runStart, minute));
        runStart = null;
      }
    }
    if (runStart != null) {
      runs.add(new Run(runStart, to));
    }
    return runs;
  }

  private static List<Run> hoursOf(BusinessCalendar calendar, LocalDate date) {
    if (calendar.holidays().contains(date)) {
      return List.of();
    }
    ZoneId zone = calendar.zone();
    List<Run> hours = new ArrayList<>();
    for (WorkingHours stretch : calendar.hours(date.getDayOfWeek())) {
      LocalDate endDate = stretch.endsAtMidnight() ? date.plusDays(1) : date;
      hours.add(
          new Run(
              ZonedDateTime.of(date, stretch.start(), zone).toInstant(),
              ZonedDateTime.of(endDate, stretch.end(), zone).toInstant()));
    }
    return hours;
  }
}
