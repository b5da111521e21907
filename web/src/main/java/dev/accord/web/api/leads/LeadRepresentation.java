package dev.accord.web.api.leads;

import dev.accord.escalation.entity.Escalation;
import dev.accord.intake.control.IntakeSources.Caller;
import dev.accord.leads.boundary.LeadDirectory;
import dev.accord.leads.entity.Lead;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.Team;
import dev.accord.sla.entity.SlaClock;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON a client reads for one lead: its contact, score, assignment, clocks and history. An
 * intake source's key sees every escalation without its address (a person's e-mail, the chat
 * webhook) and its channel's error, which can name one; an operator's key sees them.
 */
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

  /**
   * Where the lead came from and what it said beyond the contact: the channel and what identifies
   * it there, the person's message, custom attributes, and how often the person came in (later
   * submissions of the same e-mail are merged into this lead).
   */
  @JsonbPropertyOrder({
    "source",
    "externalId",
    "receivedAt",
    "channel",
    "channelReference",
    "message",
    "attributes",
    "engagements",
    "lastEngagedAt"
  })
  public record Intake(
      String source,
      String externalId,
      Instant receivedAt,
      String channel,
      String channelReference,
      String message,
      java.util.Map<String, String> attributes,
      int engagements,
      Instant lastEngagedAt) {}

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

  /**
   * Who owns the lead now and how they were chosen; {@code unownedAlerts} are the alerts sent to
   * the fallback queue's manager when nobody could take it.
   */
  @JsonbPropertyOrder({"team", "rep", "reasons", "candidates", "unownedAlerts"})
  public record Assignment(
      Party team,
      Party rep,
      List<Reason> reasons,
      List<Candidate> candidates,
      List<EscalationView> unownedAlerts) {}

  /** A team or rep by id and name. */
  public record Party(String id, String name) {}

  /** A rep that was considered, and why they were chosen or skipped. */
  public record Candidate(String repId, boolean chosen, String reason) {}

  /**
   * An SLA clock of the lead: what is owed, by whom, by when (ISO-8601 with the calendar's offset),
   * how far it has got, its pauses, its breach and every escalation it caused.
   */
  @JsonbPropertyOrder({
    "id",
    "name",
    "owner",
    "rule",
    "calendar",
    "target",
    "startedAt",
    "due",
    "state",
    "stage",
    "elapsed",
    "pausedSegments",
    "breach",
    "events",
    "escalations"
  })
  public record Clock(
      String id,
      String name,
      String owner,
      String rule,
      String calendar,
      String target,
      String startedAt,
      String due,
      String state,
      String stage,
      String elapsed,
      List<Segment> pausedSegments,
      Breach breach,
      List<ClockHistoryEntry> events,
      List<EscalationView> escalations) {}

  /** A stretch of time in which the clock did not count; {@code resumedAt} null while paused. */
  public record Segment(String pausedAt, String resumedAt) {}

  /** Where the time of a breach went, why, and whether a head disputes it. */
  @JsonbPropertyOrder({
    "at",
    "cause",
    "intake",
    "waitingForOwner",
    "withOwner",
    "disputedBy",
    "disputedAt",
    "disputeNote"
  })
  public record Breach(
      String at,
      String cause,
      String intake,
      String waitingForOwner,
      String withOwner,
      String disputedBy,
      String disputedAt,
      String disputeNote) {}

  /** One entry of a clock's history; stages carry when they fell due and how late they fired. */
  @JsonbPropertyOrder({"at", "type", "dueAt", "late", "detail"})
  public record ClockHistoryEntry(
      String at, String type, String dueAt, String late, String detail) {}

  /**
   * One alert to one recipient over one channel, and whether it went out; {@code address} and
   * {@code lastError} only for an operator.
   */
  @JsonbPropertyOrder({
    "id",
    "stage",
    "recipient",
    "name",
    "channel",
    "address",
    "status",
    "attempts",
    "nextAttemptAt",
    "lastError",
    "sentAt"
  })
  public record EscalationView(
      String id,
      String stage,
      String recipient,
      String name,
      String channel,
      String address,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant sentAt) {

    public static EscalationView of(Escalation e) {
      return new EscalationView(
          e.getId().toString(),
          e.getStage(),
          e.getRecipientRole(),
          e.getRecipientName(),
          e.getChannel().name(),
          e.getAddress(),
          e.getStatus().name(),
          e.getAttempts(),
          e.getNextAttemptAt(),
          e.getLastError(),
          e.getSentAt());
    }

    /** The escalation as the reader may see it: an intake source not where it went. */
    static EscalationView of(Escalation e, Caller reader) {
      EscalationView view = of(e);
      return reader.operator()
          ? view
          : new EscalationView(
              view.id(),
              view.stage(),
              view.recipient(),
              view.name(),
              view.channel(),
              null,
              view.status(),
              view.attempts(),
              view.nextAttemptAt(),
              null,
              view.sentAt());
    }
  }

  /** One entry of the lead's history. */
  public record Event(Instant at, String type, String detail) {}

  /** The lead as {@code reader} may see it. */
  public static LeadRepresentation of(LeadDirectory.LeadRecord record, Caller reader) {
    Lead lead = record.lead();
    Lead.Score score = lead.getScore();
    List<Reason> reasons =
        score.reasons().stream()
            .map(r -> new Reason(r.getConcern(), r.getRule(), r.getPoints()))
            .toList();
    return new LeadRepresentation(
        lead.getId().toString(),
        lead.getStatus().name(),
        new Intake(
            lead.getIntakeSource(),
            lead.getExternalId(),
            lead.getReceivedAt(),
            lead.getArrival().channel(),
            lead.getArrival().channelReference(),
            lead.getArrival().message(),
            new java.util.TreeMap<>(lead.getAttributes()),
            lead.getEngagements(),
            lead.getLastEngagedAt()),
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
                .toList(),
            record.escalations().stream()
                .filter(e -> e.getClockId() == null)
                .map(e -> EscalationView.of(e, reader))
                .toList()),
        record.clocks().stream().map(c -> clock(c, record.escalations(), reader)).toList(),
        lead.getHistory().stream()
            .map(e -> new Event(e.getOccurredAt(), e.getType(), e.getDetail()))
            .toList());
  }

  private static Clock clock(
      LeadDirectory.ClockStatus status, List<Escalation> escalations, Caller reader) {
    SlaClock c = status.clock();
    ZoneId zone = status.zone();
    return new Clock(
        c.getId().toString(),
        c.getName(),
        c.getOwner().name(),
        c.getTermRule(),
        c.getCalendar(),
        c.target().toString(),
        at(c.getStartedAt(), zone),
        at(c.getDueAt(), zone),
        c.getState().name(),
        c.stage(),
        status.elapsed().truncatedTo(ChronoUnit.MILLIS).toString(),
        c.getPausedSegments().stream()
            .map(p -> new Segment(at(p.getPausedAt(), zone), at(p.getResumedAt(), zone)))
            .toList(),
        c.getBreachedAt() == null
            ? null
            : new Breach(
                at(c.getBreachedAt(), zone),
                c.getBreachCause() == null ? null : c.getBreachCause().name(),
                duration(c.getIntake()),
                duration(c.getWaitingForOwner()),
                duration(c.getWithOwner()),
                c.getDisputedBy() == null ? null : c.getDisputedBy().name(),
                at(c.getDisputedAt(), zone),
                c.getDisputeNote()),
        c.getHistory().stream()
            .map(
                e ->
                    new ClockHistoryEntry(
                        at(e.getOccurredAt(), zone),
                        e.getType(),
                        at(e.getDueAt(), zone),
                        duration(e.getLate()),
                        e.getDetail()))
            .toList(),
        escalations.stream()
            .filter(e -> c.getId().equals(e.getClockId()))
            .map(e -> EscalationView.of(e, reader))
            .toList());
  }

  /** ISO-8601 with the offset of the clock's calendar, as a person there reads it. */
  private static String at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
  }

  private static String duration(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  private static Party team(Team team) {
    return team == null ? null : new Party(team.getId(), team.getName());
  }

  private static Party rep(Rep rep) {
    return rep == null ? null : new Party(rep.getId(), rep.getName());
  }
}
