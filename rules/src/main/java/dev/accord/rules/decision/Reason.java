package dev.accord.rules.decision;

import java.util.Objects;

/**
 * One line of a decision receipt: a rule that fired, by its business name, and the points it gave
 * (always 0 for grade and routing rules).
 */
public record Reason(Concern concern, String rule, int points) {

  public Reason {
    Objects.requireNonNull(concern, "concern");
    Objects.requireNonNull(rule, "rule");
  }
}
