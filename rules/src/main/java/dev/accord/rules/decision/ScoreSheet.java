package dev.accord.rules.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where scoring rules write their points ({@code fit.award(30);}), so that each award is recorded
 * under the name of the rule that gave it and the rule's name becomes the reason a user reads.
 */
public final class ScoreSheet {

  private final Concern concern;
  private final Supplier<String> firingRule;
  private final List<Reason> reasons = new ArrayList<>();
  private int total;

  /**
   * @param concern what the points measure (fit or engagement)
   * @param firingRule the name of the rule whose consequence is running
   */
  public ScoreSheet(Concern concern, Supplier<String> firingRule) {
    this.concern = Objects.requireNonNull(concern, "concern");
    this.firingRule = Objects.requireNonNull(firingRule, "firingRule");
  }

  /** Adds points (negative to take them away) on behalf of the rule that is firing. */
  public void award(int points) {
    total += points;
    reasons.add(new Reason(concern, firingRule.get(), points));
  }

  public int total() {
    return total;
  }

  public List<Reason> reasons() {
    return List.copyOf(reasons);
  }
}
