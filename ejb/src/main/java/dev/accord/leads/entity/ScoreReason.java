package dev.accord.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One rule that contributed to a lead's score, grade or team, as shown in its decision receipt. */
@Embeddable
public class ScoreReason {

  private String concern;

  @Column(name = "rule_name")
  private String rule;

  private int points;

  protected ScoreReason() {}

  public ScoreReason(String concern, String rule, int points) {
    this.concern = concern;
    this.rule = rule;
    this.points = points;
  }

  public String getConcern() {
    return concern;
  }

  public String getRule() {
    return rule;
  }

  public int getPoints() {
    return points;
  }
}
