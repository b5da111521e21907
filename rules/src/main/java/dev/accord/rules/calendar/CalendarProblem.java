package dev.accord.rules.calendar;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason a calendar file was rejected, pointing a business user at the place to fix.
 *
 * @param file relative to the rulebook folder, e.g. {@code calendars/emea.yaml}
 * @param line 1-based, or 0 when the problem has no single line (such as a missing setting)
 * @param reason in plain words, starting with the setting it is about, e.g. {@code hours.monday}
 */
public record CalendarProblem(String file, int line, String reason) implements Serializable {

  public CalendarProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
