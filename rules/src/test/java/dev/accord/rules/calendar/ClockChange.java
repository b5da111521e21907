package dev.accord.rules.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * One moment a zone's clocks jump, with the stretch of wall-clock time it skips or repeats, so
 * tests can aim at it and know where reading the wall clock stops being exact.
 */
record ClockChange(ZoneId zone, ZoneOffsetTransition transition) {

  /** Every change in [from, to), in order. */
  static List<ClockChange> of(ZoneId zone, Instant from, Instant to) {
    List<ClockChange> changes = new ArrayList<>();
    ZoneOffsetTransition next = zone.getRules().nextTransition(from.minusNanos(1));
    while (next != null && next.getInstant().isBefore(to)) {
      changes.add(new ClockChange(zone, next));
      next = zone.getRules().nextTransition(next.getInstant());
    }
    return changes;
  }

  Instant instant() {
    return transition.getInstant();
  }

  /** The date on the wall just after the change (a Saturday for Santiago's fall-back). */
  LocalDate date() {
    return transition.getDateTimeAfter().toLocalDate();
  }

  /**
   * Whether a calendar's hours start or end strictly inside the wall-clock time this change skips
   * (spring forward) or repeats (fall back). There, turning the hour into an instant picks one
   * reading of it and the wall clock alone cannot tell working time; at the very first minute of
   * the skipped or repeated stretch both readings still agree.
   */
  boolean cutsThrough(BusinessCalendar calendar) {
    LocalDateTime first = earlier(transition.getDateTimeBefore(), transition.getDateTimeAfter());
    LocalDateTime last = later(transition.getDateTimeBefore(), transition.getDateTimeAfter());
    for (LocalDate date = first.toLocalDate().minusDays(1);
        !date.isAfter(last.toLocalDate());
        date = date.plusDays(1)) {
      for (WorkingHours hours : calendar.hours(date.getDayOfWeek())) {
        LocalDateTime start = date.atTime(hours.start());
        LocalDateTime end = (hours.endsAtMidnight() ? date.plusDays(1) : date).atTime(hours.end());
        for (LocalDateTime edge : List.of(start, end)) {
          if (edge.isAfter(first) && edge.isBefore(last)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return zone + " " + transition;
  }

  private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
