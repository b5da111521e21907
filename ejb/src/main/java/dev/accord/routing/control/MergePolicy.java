package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadEvent;
import dev.accord.platform.configuration.AccordSettings.CrossSourceMerge;
import dev.accord.routes.intake.IncomingLead;

/**
 * What a person's submission within the merge window changes in their lead. One from the lead's own
 * source fills the contact's blanks and adds its attributes; one from another source does so only
 * as {@code accord.intake.cross-source-merge} allows, so that by default a source cannot write into
 * a lead another source owns: it adds engagement (counted, dated, in the history with what the
 * person did) and the lead keeps its source's fields.
 */
final class MergePolicy {

  private final CrossSourceMerge crossSource;

  MergePolicy(CrossSourceMerge crossSource) {
    this.crossSource = crossSource;
  }

  /** Merges {@code again} into {@code lead} as far as the policy allows. */
  void mergeInto(Lead lead, IncomingLead again) {
    boolean sameSource = again.intakeSource().equals(lead.getIntakeSource());
    boolean fields = sameSource || crossSource == CrossSourceMerge.FIELDS;
    if (fields) {
      lead.fillIn(LeadFacts.contactOf(again), again.attributes());
    }
    lead.engagedAgain(
        again.receivedAt(),
        new LeadEvent(
            again.receivedAt(),
            LeadEvent.Type.MERGED,
            "Came in again from "
                + again.intakeSource()
                + " by "
                + again.channel()
                + (again.action() == null ? "" : " (" + again.action() + ")")
                + "; engagement "
                + (lead.getEngagements() + 1)
                + " of this person, merged instead of a second lead"
                + (fields
                    ? (again.message() == null ? "" : ". They wrote: " + excerpt(again.message()))
                    : "; as engagement only, the lead keeps the fields "
                        + lead.getIntakeSource()
                        + " sent")));
  }

  // The history keeps what a returning person wrote; its column holds 1,000 characters.
  private static String excerpt(String message) {
    String oneLine = message.replace('\n', ' ');
    return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + "…";
  }
}
