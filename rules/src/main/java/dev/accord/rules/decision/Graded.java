package dev.accord.rules.decision;

import dev.accord.rules.lead.Grade;
import java.util.Objects;

/**
 * The fact routing rules match on besides the lead: its grade and scores, so a territory rule can
 * send, say, only A leads to an enterprise team.
 */
public final class Graded {

  private final Grade grade;
  private final int fit;
  private final int engagement;

  public Graded(Grade grade, int fit, int engagement) {
    this.grade = Objects.requireNonNull(grade, "grade");
    this.fit = fit;
    this.engagement = engagement;
  }

  public Grade getGrade() {
    return grade;
  }

  public int getFit() {
    return fit;
  }

  public int getEngagement() {
    return engagement;
  }

  @Override
  public String toString() {
    return "Graded[grade=" + grade + ", fit=" + fit + ", engagement=" + engagement + "]";
  }
}
