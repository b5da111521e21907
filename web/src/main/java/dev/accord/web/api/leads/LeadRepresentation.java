package dev.accord.web.api.leads;

import dev.accord.leads.entity.Lead;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.Team;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** The JSON a client reads for one lead: its contact, score, assignment, clocks and history. */
@JsonbPropertyOrder({
  "id",
  "status",
  "intake",
  "contact",
  "score",
  "assignment",
  "slaClocks",
  "history"
})
public record LeadRepresentation(
    String id,
    String status,
    Intake intake,
    Lead.Contact contact,
    Score score,
    Assignment assignment,
    List<Clock> slaClocks,
    List<Event> history) {

  /** Where the lead came from. */
  public record Intake(String source, String externalId, Instant receivedAt) {}

  /** The scores and grade, with the rules that gave them. */
  public record Score(
      int fit,
      int engagement,
      String grade,
      List<Reason> reasons,
      String rulebookVersion,
      Instant decidedAt) {}

  /** A rule that contributed, and its points. */
  public record Reason(String concern, String rule, int points) {}

  /** Who owns the lead now and how they were chosen. */
  public record Assignment(
      Party team, Party rep, List<Reason> reasons, List<Candidate> candidates) {}

  /** A team or rep by id and name. */
  public record Party(String id, String name) {}

  /** A rep that was considered, and why they were chosen or skipped. */
  public record Candidate(String repId, boolean chosen, String reason) {}

  /** An SLA clock running for the lead (none until the SLA engine arrives). */
  public record Clock(String name, String owner, Instant due, String state) {}

  /** One entry of the lead's history. */
  public record Event(Instant at, String type, String detail) {}

  static LeadRepresentation of(Lead lead) {
    Lead.Score score = lead.getScore();
    List<Reason> reasons =
        score.reasons().stream()
            .map(r -> new Reason(r.getConcern(), r.getRule(), r.getPoints()))
            .toList();
    return new LeadRepresentation(
        lead.getId().toString(),
        lead.getStatus().name(),
        new Intake(lead.getIntakeSource(), lead.getExternalId(), lead.getReceivedAt()),
        lead.getContact(),
        new Score(
            score.fit(),
            score.engagement(),
            score.grade(),
            reasons.stream().filter(r -> !r.concern().equals("ROUTING")).toList(),
            score.rulebookVersion(),
            lead.getDecidedAt()),
        new Assignment(
            team(lead.getTeam()),
            rep(lead.getRep()),
            reasons.stream().filter(r -> r.concern().equals("ROUTING")).toList(),
            lead.getCandidates().stream()
                .map(c -> new Candidate(c.getRepId(), c.isChosen(), c.getReason()))
                .toList()),
        List.of(),
        lead.getHistory().stream()
            .map(e -> new Event(e.getOccurredAt(), e.getType(), e.getDetail()))
            .toList());
  }

  private static Party team(Team team) {
    return team == null ? null : new Party(team.getId(), team.getName());
  }

  private static Party rep(Rep rep) {
    return rep == null ? null : new Party(rep.getId(), rep.getName());
  }
}
