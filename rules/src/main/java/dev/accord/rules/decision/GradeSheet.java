package dev.accord.rules.decision;

import dev.accord.rules.lead.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where grading rules propose a grade ({@code grading.assign(Grade.A);}); when several rules fire
 * the best grade wins, every one of them is recorded, and a lead no rule graded is a D.
 */
public final class GradeSheet {

  private final Supplier<String> firingRule;
  private final List<Reason> reasons = new ArrayList<>();
  private Grade grade;

  /**
   * @param firingRule the name of the rule whose consequence is running
   */
  public GradeSheet(Supplier<String> firingRule) {
    this.firingRule = Objects.requireNonNull(firingRule, "firingRule");
  }

  /** Proposes a grade on behalf of the rule that is firing. */
  public void assign(Grade proposed) {
    Objects.requireNonNull(proposed, "grade");
    if (grade == null || proposed.isBetterThan(grade)) {
      grade = proposed;
    }
    reasons.add(new Reason(Concern.GRADE, firingRule.get(), 0));
  }

  public Grade grade() {
    return grade == null ? Grade.D : grade;
  }

  public List<Reason> reasons() {
    return List.copyOf(reasons);
  }
}
