package dev.accord.routing.control;

import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.LeadNormaliser;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.decision.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * What the live rulebook would decide for a lead, without accepting, storing or assigning it: for a
 * business user trying a change before leads depend on it.
 */
@ApplicationScoped
public class DecisionPreview {

  private final LeadNormaliser normaliser = new LeadNormaliser();

  @Inject LiveRulebook rulebook;

  @Inject Clock clock;

  /** A lead as the intake normalised it and what the rules decided for it. */
  public record Preview(IncomingLead lead, Decision decision) {}

  /**
   * @throws dev.accord.routes.intake.InvalidLeadException naming every field that is wrong
   */
  public Preview preview(byte[] json, String intakeSource) {
    IncomingLead lead = normaliser.normalise(json, intakeSource, clock.instant());
    return new Preview(lead, rulebook.decide(LeadFacts.from(lead)));
  }

  /** What a candidate rulebook, not the live one, would decide for the lead. */
  public Preview preview(byte[] json, String intakeSource, dev.accord.rules.Rulebook candidate) {
    IncomingLead lead = normaliser.normalise(json, intakeSource, clock.instant());
    return new Preview(lead, candidate.decide(LeadFacts.from(lead)));
  }
}
