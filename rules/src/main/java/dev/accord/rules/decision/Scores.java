package dev.accord.rules.decision;

/**
 * The fact grading rules match on: the fit and engagement totals the scoring stage added up, so a
 * grade rule reads {@code Scores(fit >= 50, engagement >= 40)}.
 */
public final class Scores {

  private final int fit;
  private final int engagement;

  public Scores(int fit, int engagement) {
    this.fit = fit;
    this.engagement = engagement;
  }

  public int getFit() {
    return fit;
  }

  public int getEngagement() {
    return engagement;
  }

  @Override
  public String toString() {
    return "Scores[fit=" + fit + ", engagement=" + engagement + "]";
  }
}
