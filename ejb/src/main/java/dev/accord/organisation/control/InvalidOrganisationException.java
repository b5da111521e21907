package dev.accord.organisation.control;

import java.util.List;

/**
 * A change to the organisation (a call or an import) that cannot be kept, each problem named by its
 * field (or row and column) and why; nothing of the change was kept.
 */
public class InvalidOrganisationException extends RuntimeException {

  /** One thing wrong: where and why. */
  public record Problem(String field, String reason) {}

  private final List<Problem> problems;

  public InvalidOrganisationException(List<Problem> problems) {
    super(problems.size() + " problem(s)");
    this.problems = List.copyOf(problems);
  }

  public InvalidOrganisationException(String field, String reason) {
    this(List.of(new Problem(field, reason)));
  }

  /** Refuses the whole change if any part of it had a problem (every one is named). */
  public static void refuseIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidOrganisationException(problems);
    }
  }

  public List<Problem> problems() {
    return problems;
  }
}
