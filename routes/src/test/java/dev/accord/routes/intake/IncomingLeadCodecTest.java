package dev.accord.routes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncomingLeadCodecTest {

  private static final IncomingLead LEAD =
      new IncomingLead(
          UUID.fromString("6f1c1d6e-5b7a-3c1e-9d0f-0a1b2c3d4e5f"),
          "demo-web",
          "crm-42",
          Instant.parse("2025-03-03T09:15:00.123Z"),
          "ada@example.com",
          "Ada",
          "Lovelace",
          "Analytical Engines",
          "Head of Computing",
          250,
          "GB",
          "+442071234567",
          "webinar",
          "demo-request",
          "Banking",
          "We need a demo.\nSoon, please.",
          Map.of("plan", "enterprise"),
          "api",
          null);

  @Test
  void leadSurvivesTheTripThroughTheQueue() {
    assertThat(IncomingLeadCodec.fromJson(IncomingLeadCodec.toJson(LEAD))).isEqualTo(LEAD);
  }

  @Test
  void queuedLeadIsReadableJsonWithAnIsoTimestamp() {
    assertThat(IncomingLeadCodec.toJson(LEAD))
        .contains("\"leadId\":\"6f1c1d6e-5b7a-3c1e-9d0f-0a1b2c3d4e5f\"")
        .contains("\"receivedAt\":\"2025-03-03T09:15:00.123Z\"");
  }

  @Test
  void messageFromANewerReleaseWithExtraFieldsIsStillRead() {
    String newer = IncomingLeadCodec.toJson(LEAD).replaceFirst("\\{", "{\"language\":\"en\",");

    assertThat(IncomingLeadCodec.fromJson(newer)).isEqualTo(LEAD);
  }

  @Test
  void unreadableMessageIsRefused() {
    assertThatThrownBy(() -> IncomingLeadCodec.fromJson("{\"leadId\": \"not-a-uuid\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messageWithoutLeadIdIsRefused() {
    String withoutId = IncomingLeadCodec.toJson(LEAD).replaceFirst("\"leadId\":\"[^\"]+\",", "");

    assertThatThrownBy(() -> IncomingLeadCodec.fromJson(withoutId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leadId");
  }
}
