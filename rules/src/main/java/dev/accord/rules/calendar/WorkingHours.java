package dev.accord.rules.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One stretch of working time in a day, in local clock time, so a calendar can say "09:00-12:30 and
 * 13:30-18:00" and also "until midnight", which {@link LocalTime} alone cannot express.
 *
 * @param start first working minute, local time
 * @param end end of work, local time; {@link LocalTime#MIDNIGHT} when {@code endsAtMidnight}
 * @param endsAtMidnight the stretch runs to 24:00, the midnight at the end of the day
 */
public record WorkingHours(LocalTime start, LocalTime end, boolean endsAtMidnight) {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  public WorkingHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (endsAtMidnight && !end.equals(LocalTime.MIDNIGHT)) {
      throw new IllegalArgumentException(
          "working hours ending at midnight end at 00:00, not " + end);
    }
    if (!endsAtMidnight && !start.isBefore(end)) {
      throw new IllegalArgumentException(
          "working hours " + start + "-" + end + " do not end after they start");
    }
  }

  /** Working hours within one day, such as 09:00-17:30. */
  public static WorkingHours of(LocalTime start, LocalTime end) {
    return new WorkingHours(start, end, false);
  }

  /** Working hours that run to the end of the day, such as 18:00-24:00. */
  public static WorkingHours untilMidnight(LocalTime start) {
    return new WorkingHours(start, LocalTime.MIDNIGHT, true);
  }

  /**
   * Whether the two share any minute; hours that only touch, like 09:00-12:00 and 12:00-13:00, do
   * not.
   */
  public boolean overlaps(WorkingHours other) {
    return endsAfter(other.start) && other.endsAfter(start);
  }

  private boolean endsAfter(LocalTime time) {
    return endsAtMidnight || end.isAfter(time);
  }

  /** As a business user writes it: {@code 09:00-17:30}, {@code 18:00-24:00}. */
  @Override
  public String toString() {
    return CLOCK.format(start) + "-" + (endsAtMidnight ? "24:00" : CLOCK.format(end));
  }
}
