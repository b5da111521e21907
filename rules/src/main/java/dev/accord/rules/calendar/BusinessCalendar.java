package dev.accord.rules.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When a team works, so that deadlines count only working time: "respond within four business
 * hours" stops counting overnight, at weekends and on holidays, and counts real elapsed time on the
 * nights the clocks change.
 *
 * <p>Each day's hours become real instants through {@link ZonedDateTime#of}: a local time that a
 * spring-forward gap skips moves forward by the length of the gap, and a local time that a
 * fall-back overlap repeats means its first occurrence. Working time is every instant inside one of
 * those intervals. Instances are immutable and safe to share between threads.
 */
public final class BusinessCalendar {

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingHours>> hours;
  private final Set<LocalDate> holidays;

  /**
   * A calendar working the same hours every week, except on holidays.
   *
   * @param hours for each day of the week its working hours, which must not overlap; a day that is
   *     missing or has none is not worked
   * @param holidays local dates without working time
   * @throws IllegalArgumentException if hours overlap within a day or no day has any, because then
   *     a deadline could never be reached
   */
  public BusinessCalendar(
      String name, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> hours, Set<LocalDate> holidays) {
    this.name = Objects.requireNonNull(name, "name");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.holidays = Set.copyOf(holidays);
    Map<DayOfWeek, List<WorkingHours>> byDay = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingHours> ofDay = new ArrayList<>(hours.getOrDefault(day, List.of()));
      ofDay.sort(Comparator.comparing(WorkingHours::start));
      for (int i = 1; i < ofDay.size(); i++) {
        for (WorkingHours earlier : ofDay.subList(0, i)) {
          if (ofDay.get(i).overlaps(earlier)) {
            throw new IllegalArgumentException(
                name + ": " + day + " " + ofDay.get(i) + " overlaps " + earlier);
          }
        }
      }
      byDay.put(day, List.copyOf(ofDay));
    }
    if (byDay.values().stream().allMatch(List::isEmpty)) {
      throw new IllegalArgumentException(name + ": no working hours on any day of the week");
    }
    this.hours = byDay;
  }

  /** Every instant is working time, for demo terms that should fire within minutes at any hour. */
  public static BusinessCalendar aroundTheClock(String name) {
    Map<DayOfWeek, List<WorkingHours>> allDay = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      allDay.put(day, List.of(WorkingHours.untilMidnight(LocalTime.MIDNIGHT)));
    }
    return new BusinessCalendar(name, UTC, allDay, Set.of());
  }

  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The working hours of a weekday, earliest first; empty if the day is not worked. */
  public List<WorkingHours> hours(DayOfWeek day) {
    return hours.get(day);
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  /**
   * The instant at which {@code businessTime} of working time has passed, counting from {@code
   * from} or, outside working hours, from the next moment work starts. When the time runs out
   * exactly at the end of a stretch of work, that end is the answer, not the next morning.
   */
  public Instant plus(Instant from, Duration businessTime) {
    Objects.requireNonNull(from, "from");
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("business time cannot be negative: " + businessTime);
    }
    if (businessTime.isZero()) {
      return from;
    }
    WorkingSpans spans = new WorkingSpans(from);
    Instant counted = from;
    Duration left = businessTime;
    while (true) {
      Span span = spans.next();
      Instant start = later(span.start(), counted);
      if (span.end().isAfter(start)) {
        Duration available = Duration.between(start, span.end());
        if (left.compareTo(available) <= 0) {
          return start.plus(left);
        }
        left = left.minus(available);
        counted = span.end();
      }
    }
  }

  /** The working time inside [from, to); zero if {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    WorkingSpans spans = new WorkingSpans(from);
    Instant counted = from;
    for (Span span = spans.next(); span.start().isBefore(to); span = spans.next()) {
      Instant start = later(span.start(), counted);
      Instant end = span.end().isBefore(to) ? span.end() : to;
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
        counted = end;
      }
    }
    return total;
  }

  /**
   * The same hours and holidays kept in another time zone: a team's office hours as a rep in
   * another country works them, nine to five where the rep is.
   */
  public BusinessCalendar inZone(ZoneId otherZone) {
    return new BusinessCalendar(name, otherZone, hours, holidays);
  }

  /** The instant itself if it is working time, else the moment work next starts. */
  public Instant nextWorkingTime(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    WorkingSpans spans = new WorkingSpans(instant);
    while (true) {
      Span span = spans.next();
      if (span.end().isAfter(instant)) {
        return later(span.start(), instant);
      }
    }
  }

  public boolean isWorkingAt(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    WorkingSpans spans = new WorkingSpans(instant);
    for (Span span = spans.next(); !span.start().isAfter(instant); span = spans.next()) {
      if (span.end().isAfter(instant)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ", " + zone + "]";
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private record Span(Instant start, Instant end) {}

  /**
   * The working intervals from about a day before a given instant on, in order of their start.
   *
   * <p>Days are not simply taken one after the other because a clock change can move one day's
   * interval past the start of another's (an end inside a spring-forward gap moves forward by the
   * whole gap). Any instant of a local date lies within 18 hours, the largest offset there is, of
   * that date read as UTC; so an interval may be handed out once the next day still to be read
   * cannot start before it. Overlaps that remain are counted once by the callers, which never go
   * back before the time they have already counted.
   */
  private final class WorkingSpans {

    private final PriorityQueue<Span> upcoming =
        new PriorityQueue<>(Comparator.comparing(Span::start));
    private LocalDate unread;

    WorkingSpans(Instant from) {
      // Intervals of dates two or more days before from's UTC date end before from.
      unread = LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1);
    }

    /** Never runs dry: the constructor made sure some weekday has working hours. */
    Span next() {
      while (upcoming.isEmpty() || earliestInstantOf(unread).isBefore(upcoming.peek().start())) {
        read(unread);
        unread = unread.plusDays(1);
      }
      return upcoming.poll();
    }

    private void read(LocalDate date) {
      if (holidays.contains(date)) {
        return;
      }
      for (WorkingHours stretch : hours.get(date.getDayOfWeek())) {
        Instant start = ZonedDateTime.of(date, stretch.start(), zone).toInstant();
        Instant end =
            stretch.endsAtMidnight()
                ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant()
                : ZonedDateTime.of(date, stretch.end(), zone).toInstant();
        // Both ends inside one gap, or the start moved past the end, leave nothing to work.
        if (end.isAfter(start)) {
          upcoming.add(new Span(start, end));
        }
      }
    }

    private static Instant earliestInstantOf(LocalDate date) {
      return date.atStartOfDay().toInstant(ZoneOffset.MAX);
    }
  }
}
