package dev.accord.rules.decision;

/**
 * The fact SLA rules match on besides the lead and its grade: the team the routing stage chose, or
 * null when no territory covered the lead, so a term can differ by team.
 */
public final class Routed {

  private final String team;

  public Routed(String team) {
    this.team = team;
  }

  public String getTeam() {
    return team;
  }

  @Override
  public String toString() {
    return "Routed[team=" + team + "]";
  }
}
