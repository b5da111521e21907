package dev.accord.rules.sla;

import java.time.Duration;

/**
 * Targets in business time, as terms write them ({@code BusinessTime.hours(4)}); they are counted
 * only inside the working hours of the clock's calendar.
 */
public final class BusinessTime {

  /** A business day is eight working hours, whatever a calendar's day looks like. */
  public static final Duration DAY = Duration.ofHours(8);

  private BusinessTime() {}

  public static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  public static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  public static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }

  public static Duration days(long days) {
    return DAY.multipliedBy(days);
  }
}
