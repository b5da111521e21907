package dev.accord.rules.calendar;

import dev.accord.rules.RulebookProblem;
import dev.accord.rules.RulebookRejectedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The calendars of a rulebook by name, so that a term can say "four business hours on the emea
 * calendar" and the name is checked when the rulebook is read, not when the first lead waits.
 */
public final class BusinessCalendars {

  /** Always there, so demo terms work before anyone has written a calendar file. */
  public static final String AROUND_THE_CLOCK = "around-the-clock";

  private static final String EXTENSION = ".yaml";

  private final Map<String, BusinessCalendar> byName;

  private BusinessCalendars(Map<String, BusinessCalendar> byName) {
    this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  /**
   * Reads calendar files, each named by its file name without {@code .yaml}; a file called {@code
   * around-the-clock.yaml} replaces the built-in calendar of that name.
   *
   * @param files content by path relative to the rulebook folder, e.g. {@code calendars/emea.yaml}
   * @throws RulebookRejectedException listing every problem of every file
   */
  public static BusinessCalendars parse(Map<String, byte[]> files)
      throws RulebookRejectedException {
    List<RulebookProblem> problems = new ArrayList<>();
    Map<String, BusinessCalendar> byName = new HashMap<>();
    byName.put(AROUND_THE_CLOCK, BusinessCalendar.aroundTheClock(AROUND_THE_CLOCK));
    Map<String, String> fileByName = new HashMap<>();
    // Sorted, so problems come in the same order on every run.
    for (Map.Entry<String, byte[]> entry : new TreeMap<>(files).entrySet()) {
      String file = entry.getKey();
      String fileName = file.substring(file.lastIndexOf('/') + 1);
      String name =
          fileName.endsWith(EXTENSION)
              ? fileName.substring(0, fileName.length() - EXTENSION.length())
              : "";
      if (name.isEmpty()) {
        problems.add(
            new RulebookProblem(
                file,
                0,
                "a calendar file is named after its calendar and ends in .yaml, such as"
                    + " calendars/emea.yaml"));
        continue;
      }
      String sameName = fileByName.putIfAbsent(name, file);
      if (sameName != null) {
        problems.add(
            new RulebookProblem(
                file,
                0,
                "there is already a calendar called "
                    + name
                    + " in "
                    + sameName
                    + "; rename one of the files"));
        continue;
      }
      new CalendarFileReader(file, problems)
          .read(name, entry.getValue())
          .ifPresent(calendar -> byName.put(name, calendar));
    }
    if (!problems.isEmpty()) {
      // A file's problems are found setting by setting; the user reads them top to bottom.
      problems.sort(
          Comparator.comparing(RulebookProblem::file).thenComparing(RulebookProblem::line));
      throw new RulebookRejectedException(problems);
    }
    return new BusinessCalendars(byName);
  }

  public Optional<BusinessCalendar> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** In alphabetical order. */
  public Set<String> names() {
    return byName.keySet();
  }
}
