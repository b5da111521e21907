package dev.accord.rules.calendar;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a rulebook's calendars cannot be used, so the caller keeps the previous ones and can
 * show the user every problem in every file at once rather than the first.
 */
public final class CalendarRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<CalendarProblem> problems;

  public CalendarRejectedException(List<CalendarProblem> problems) {
    super(
        "calendars rejected:\n"
            + problems.stream().map(CalendarProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<CalendarProblem> problems() {
    return problems;
  }
}
