package dev.accord.rules.decision;

import dev.accord.rules.lead.Grade;
import dev.accord.rules.sla.ClockTerm;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rulebook concluded about one lead, with the rules that led there and the rulebook
 * version that decided, so anyone can later ask why a lead went where it went.
 *
 * <p>{@code clocks} are the SLA clocks the agreement's terms start for the lead. Reasons come
 * grouped by concern (fit, engagement, grade, routing), each group in the order its rules fired.
 */
public record Decision(
    int fit,
    int engagement,
    Grade grade,
    Optional<String> team,
    List<Reason> reasons,
    List<ClockTerm> clocks,
    String rulebookVersion) {

  public Decision {
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(team, "team");
    reasons = List.copyOf(reasons);
    clocks = List.copyOf(clocks);
    Objects.requireNonNull(rulebookVersion, "rulebookVersion");
  }
}
