package dev.accord.sla.control;

import dev.accord.leads.entity.Lead;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.BreachCause;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Says where the business time of a breached clock went (intake, waiting for an owner, with the
 * owner) and why it breached, so the heads argue from the same facts instead of blaming each other.
 */
@ApplicationScoped
public class BreachAttribution {

  @Inject LiveRulebook rulebook;

  /**
   * Splits the target, which a breached clock has used up, into business time spent on intake
   * (arrival to decision) and after it, either waiting for an owner or with the owner; paused time
   * is in neither, so the parts add up to the target.
   */
  public void attribute(SlaClock clock, Lead lead) {
    BusinessCalendar calendar = rulebook.calendar(clock.getCalendar()).calendar();
    Instant decided =
        lead.getDecidedAt().isAfter(clock.getBreachedAt())
            ? clock.getBreachedAt()
            : lead.getDecidedAt();
    Duration intake = calendar.between(clock.getStartedAt(), decided);
    if (intake.compareTo(clock.target()) > 0) {
      intake = clock.target();
    }
    Duration afterDecision = clock.target().minus(intake);
    boolean owned = lead.getRep() != null;
    clock.attribute(
        causeOf(clock, lead),
        intake,
        owned ? Duration.ZERO : afterDecision,
        owned ? afterDecision : Duration.ZERO);
  }

  private BreachCause causeOf(SlaClock clock, Lead lead) {
    if (clock.getOwner() == Side.MARKETING) {
      return BreachCause.MISSING_DATA;
    }
    if (lead.getRep() == null) {
      return BreachCause.NO_ELIGIBLE_REP;
    }
    if (lead.getContact().phone() == null) {
      return BreachCause.MISSING_DATA;
    }
    if (clock.getTeamId() != null
        && !clock.getCalendar().equals(clock.getTeamId())
        && !rulebook.calendar(clock.getTeamId()).calendar().isWorkingAt(clock.getBreachedAt())) {
      return BreachCause.OUT_OF_HOURS;
    }
    return BreachCause.NO_ACTION;
  }
}
