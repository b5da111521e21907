package dev.accord.rules.lead;

/** The letter sales and marketing agreed on to say how promising a lead is, A being the best. */
public enum Grade {
  A,
  B,
  C,
  D;

  /** Whether this grade is better than the other one; rules may propose several grades. */
  public boolean isBetterThan(Grade other) {
    return compareTo(other) < 0;
  }
}
