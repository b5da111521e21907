package dev.accord.rules.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets in business time, as terms write them ({@code BusinessTime.hours(4)}); they are counted
 * only inside the working hours of the clock's calendar.
 */
public final class BusinessTime {

  /** A business day is eight working hours, whatever a calendar's day looks like. */
  public static final Duration DAY = Duration.ofHours(8);

  private static final Pattern WRITTEN =
      Pattern.compile(
          "(\\d{1,6})\\s*(?:business\\s+)?(second|minute|hour|day)s?", Pattern.CASE_INSENSITIVE);

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

  /**
   * A target as a spreadsheet cell writes it: a whole number and a unit, e.g. {@code 15 minutes},
   * {@code 4 hours}, {@code 1 day} ("business" may stand before the unit).
   *
   * @throws IllegalArgumentException naming the text and what it should look like
   */
  public static Duration of(String text) {
    Matcher matcher = WRITTEN.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a target in business time; write a whole number and a unit, such as"
              + " 15 minutes, 4 hours or 1 day");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "second" -> seconds(amount);
      case "minute" -> minutes(amount);
      case "hour" -> hours(amount);
      default -> days(amount);
    };
  }
}
