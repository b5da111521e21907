package dev.accord.routing.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadEvent;
import dev.accord.platform.configuration.AccordSettings.CrossSourceMerge;
import dev.accord.routes.intake.IncomingLead;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MergePolicyTest {

  private static final Instant FIRST = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-05T14:30:00Z");

  @Test
  void anotherSourcesSubmissionAddsEngagementAndLeavesTheLeadsFieldsByDefault() {
    Lead lead = webinarLead();

    new MergePolicy(CrossSourceMerge.ENGAGEMENT_ONLY).mergeInto(lead, again("partner-feed"));

    assertThat(lead.getContact().firstName()).isNull();
    assertThat(lead.getContact().phone()).isNull();
    assertThat(lead.getContact().company()).isEqualTo("Hoffmann Maschinenbau");
    assertThat(lead.getAttributes()).containsOnly(Map.entry("campaign", "autumn"));
    assertThat(lead.getEngagements()).isEqualTo(2);
    assertThat(lead.getLastEngagedAt()).isEqualTo(LATER);
    assertThat(lastHistoryDetail(lead))
        .isEqualTo(
            "Came in again from partner-feed by file (pricing); engagement 2 of this person, merged"
                + " instead of a second lead; as engagement only, the lead keeps the fields"
                + " webinars sent");
  }

  @Test
  void anotherSourcesSubmissionFillsTheBlanksWhenThePolicyAllowsFields() {
    Lead lead = webinarLead();

    new MergePolicy(CrossSourceMerge.FIELDS).mergeInto(lead, again("partner-feed"));

    assertThat(lead.getContact().firstName()).isEqualTo("Greta");
    assertThat(lead.getContact().phone()).isEqualTo("+4930123456");
    assertThat(lead.getContact().company()).isEqualTo("Hoffmann Maschinenbau");
    assertThat(lead.getAttributes())
        .containsOnly(Map.entry("campaign", "autumn"), Map.entry("region", "north"));
    assertThat(lead.getEngagements()).isEqualTo(2);
    assertThat(lastHistoryDetail(lead))
        .endsWith("merged instead of a second lead. They wrote: Call me");
  }

  @Test
  void theLeadsOwnSourceFillsTheBlanksWhateverThePolicy() {
    Lead lead = webinarLead();

    new MergePolicy(CrossSourceMerge.ENGAGEMENT_ONLY).mergeInto(lead, again("webinars"));

    assertThat(lead.getContact().firstName()).isEqualTo("Greta");
    assertThat(lead.getContact().phone()).isEqualTo("+4930123456");
    // What the lead already says is kept.
    assertThat(lead.getContact().company()).isEqualTo("Hoffmann Maschinenbau");
    assertThat(lead.getAttributes()).containsEntry("campaign", "autumn").containsKey("region");
    assertThat(lead.getEngagements()).isEqualTo(2);
  }

  private static Lead webinarLead() {
    return new Lead(
        UUID.randomUUID(),
        "webinars",
        "w-1",
        FIRST,
        new Lead.Contact(
            "greta@example.de",
            null,
            "Hoffmann",
            "Hoffmann Maschinenbau",
            "VP Operations",
            800,
            "DE",
            null,
            "webinar",
            "demo",
            null),
        new Lead.Arrival("api", null, null, Map.of("campaign", "autumn")),
        new Lead.Score(40, 30, "B", List.of(), "sha256:1"),
        FIRST);
  }

  private static IncomingLead again(String source) {
    return new IncomingLead(
        UUID.randomUUID(),
        source,
        "p-7",
        LATER,
        "greta@example.de",
        "Greta",
        "Hoffmann-Berg",
        "Competitor GmbH",
        "CEO",
        5,
        "DE",
        "+4930123456",
        "partner",
        "pricing",
        "Machinery",
        "Call me",
        Map.of("campaign", "spring", "region", "north"),
        "file",
        "leads.csv:2");
  }

  private static String lastHistoryDetail(Lead lead) {
    List<LeadEvent> history = lead.getHistory();
    return history.get(history.size() - 1).getDetail();
  }
}
