package dev.accord.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a rulebook cannot be served, so the caller keeps the previous rules and can show the
 * user every problem at once rather than the first.
 */
public final class RulebookRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<RulebookProblem> problems;

  public RulebookRejectedException(List<RulebookProblem> problems) {
    super(
        "rulebook rejected:\n"
            + problems.stream().map(RulebookProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  static RulebookRejectedException of(String file, int line, String reason) {
    return new RulebookRejectedException(List.of(new RulebookProblem(file, line, reason)));
  }

  public List<RulebookProblem> problems() {
    return problems;
  }
}
