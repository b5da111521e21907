package dev.accord.routes.intake;

import java.time.Instant;

/**
 * The parse-validate-normalise path of the intake route, for callers that want a lead's canonical
 * form without queueing it (a simulation of what the rules would decide): the same parser and the
 * same constraints, so a simulated lead is judged exactly as a submitted one.
 */
public final class LeadNormaliser {

  private final LeadSubmissionParser parser = new LeadSubmissionParser();
  private final LeadSubmissionValidator validator = new LeadSubmissionValidator();

  /**
   * @param json the lead as {@code POST /api/leads} takes it
   * @throws InvalidLeadException naming every field that is wrong
   */
  public IncomingLead normalise(byte[] json, String intakeSource, Instant at) {
    NormalisedSubmission submission = validator.validate(parser.parse(json), intakeSource);
    return submission.accept(
        LeadIds.forContent(intakeSource, 0, IncomingLeadCodec.canonicalBytes(submission)),
        at,
        "simulation",
        null);
  }
}
