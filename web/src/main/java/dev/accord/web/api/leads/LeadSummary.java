package dev.accord.web.api.leads;

import dev.accord.leads.entity.Lead;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** One lead in a search result: enough to recognise it and follow its link for the receipt. */
@JsonbPropertyOrder({
  "id",
  "status",
  "source",
  "externalId",
  "channel",
  "channelReference",
  "receivedAt",
  "email",
  "grade",
  "team",
  "rep",
  "engagements"
})
public record LeadSummary(
    String id,
    String status,
    String source,
    String externalId,
    String channel,
    String channelReference,
    Instant receivedAt,
    String email,
    String grade,
    String team,
    String rep,
    int engagements) {

  static LeadSummary of(Lead lead) {
    return new LeadSummary(
        lead.getId().toString(),
        lead.getStatus().name(),
        lead.getIntakeSource(),
        lead.getExternalId(),
        lead.getArrival().channel(),
        lead.getArrival().channelReference(),
        lead.getReceivedAt(),
        lead.getContact().email(),
        lead.getScore().grade(),
        lead.getTeam() == null ? null : lead.getTeam().getId(),
        lead.getRep() == null ? null : lead.getRep().getId(),
        lead.getEngagements());
  }
}
