package dev.accord.rules.decision;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where routing rules name the team that owns a lead ({@code routing.toTeam("emea");}); the first
 * rule to choose wins, so rule files order competing territories with {@code salience}, and only
 * the winning rule is recorded because only it decided anything.
 */
public final class TeamChoice {

  private final Supplier<String> firingRule;
  private String team;
  private Reason reason;

  /**
   * @param firingRule the name of the rule whose consequence is running
   */
  public TeamChoice(Supplier<String> firingRule) {
    this.firingRule = Objects.requireNonNull(firingRule, "firingRule");
  }

  /** Sends the lead to a team, unless an earlier rule already chose one. */
  public void toTeam(String teamId) {
    Objects.requireNonNull(teamId, "team");
    if (team == null) {
      team = teamId;
      reason = new Reason(Concern.ROUTING, firingRule.get(), 0);
    }
  }

  public Optional<String> team() {
    return Optional.ofNullable(team);
  }

  public Optional<Reason> reason() {
    return Optional.ofNullable(reason);
  }
}
