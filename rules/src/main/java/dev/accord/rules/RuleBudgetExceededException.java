package dev.accord.rules;

/**
 * Thrown when one lead's decision went past its {@link RuleBudget}: the rules were stopped, the
 * decision made nothing, and the message names the rule that was firing and what ran out, for the
 * lead's dead letter or a rejected change.
 */
public final class RuleBudgetExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;

  RuleBudgetExceededException(String rule, String what) {
    super((rule == null ? "the rules" : "rule \"" + rule + "\"") + " " + what);
    this.rule = rule;
  }

  /** The rule that was firing when the budget ran out, or null if none was. */
  public String rule() {
    return rule;
  }
}
