package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accord.it.Alerts.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every clock fires once and every alert goes out once even when the server dies while clocks are
 * falling due: leads whose 6-second clocks are firing are accepted, the server is killed without
 * warning after some warnings went out and before any breach, and after a restart every breach
 * fires late (and says so) and reaches both heads exactly once.
 */
class SlaCrashIT {

  private static final int LEADS = 12;
  private static final String HEAD_OF_SALES = "head.of.sales@accord.example";
  private static final String HEAD_OF_MARKETING = "head.of.marketing@accord.example";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup(SeparateServer.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private final SeparateServer server = new SeparateServer().fresh();
  private final AccordClient accord = new AccordClient(8080 + SeparateServer.PORT_OFFSET);

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void everyAlertIsSentExactlyOnceWhenTheServerIsKilledWhileClocksFallDue() {
    server.start();
    server.awaitDeployed();
    List<String> leads = new ArrayList<>();
    // People of this run only: a person who came before is merged into their lead, clocks and all.
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < LEADS; i++) {
      AccordClient.Answer answer =
          accord.postLead(
              """
              {"externalId": "%s", "email": "clock%d.%s@example.com", "firstName": "Clock",
               "lastName": "Lead %d", "company": "Crash GmbH", "title": "VP Sales",
               "employees": 800, "country": "%s", "phone": "+49 30 1234567",
               "source": "sla-it", "action": "demo"}
              """
                  .formatted(UUID.randomUUID(), i, run, i, i % 2 == 0 ? "DE" : "US"));
      assertThat(answer.status()).isEqualTo(202);
      leads.add(answer.body().get("id").asText());
    }
    Set<String> ours = new HashSet<>(leads);

    // Warnings are going out: clocks are falling due.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !ofOurLeads(ours).isEmpty());
    // Stop the mail server (which forgets what it received) and wait until delivery has failed
    // once: every send before that has committed, so the kill interrupts clocks firing, not an
    // SMTP hand-off.
    List<Alert> beforeStop = ofOurLeads(ours);
    MAIL.stop();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !accord.get("/api/sla/escalations/undelivered").body().isEmpty());
    server.crash();
    Instant crashed = Instant.now();

    MAIL.start();
    server.start();
    server.awaitDeployed();
    Map<String, JsonNode> clocks =
        leads.stream().collect(Collectors.toMap(Function.identity(), this::awaitBreachEscalated));

    Set<String> sentBeforeCrash = new HashSet<>();
    Set<String> sentAfterRestart = new HashSet<>();
    clocks
        .values()
        .forEach(
            clock ->
                clock
                    .get("escalations")
                    .forEach(
                        e -> {
                          assertThat(e.get("status").asText()).isEqualTo("SENT");
                          if (e.get("channel").asText().equals("EMAIL")) {
                            (Instant.parse(e.get("sentAt").asText()).isBefore(crashed)
                                    ? sentBeforeCrash
                                    : sentAfterRestart)
                                .add(e.get("id").asText());
                          }
                        }));
    assertThat(sentBeforeCrash).as("alerts sent before the kill").isNotEmpty();
    // Every alert the mail server had before the kill was recorded as sent before it: none was
    // delivered without its commit, which is what would send it again after the restart.
    assertThat(sentBeforeCrash).containsAll(beforeStop.stream().map(Alert::escalationId).toList());
    List<Alert> alerts = ofOurLeads(ours);
    assertThat(alerts)
        .extracting(Alert::escalationId)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(sentBeforeCrash)
        .doesNotContainAnyElementsOf(beforeStop.stream().map(Alert::escalationId).toList())
        .containsExactlyInAnyOrderElementsOf(sentAfterRestart);
    for (String lead : leads) {
      List<Alert> breaches =
          alerts.stream()
              .filter(a -> a.stage().equals("breach"))
              .filter(a -> a.text().contains("/api/leads/" + lead))
              .toList();
      assertThat(breaches)
          .extracting(Alert::to)
          .containsExactlyInAnyOrder(HEAD_OF_SALES, HEAD_OF_MARKETING);
      assertThat(breaches).allSatisfy(a -> assertThat(a.text()).contains("Late: fired "));
      JsonNode breach =
          StreamSupport.stream(clocks.get(lead).get("events").spliterator(), false)
              .filter(e -> e.get("type").asText().equals("BREACH"))
              .collect(Collectors.toList())
              .get(0);
      assertThat(Duration.parse(breach.get("late").asText())).isGreaterThan(Duration.ofSeconds(5));
    }
  }

  private List<Alert> ofOurLeads(Set<String> ours) {
    return Alerts.all(MAIL.getReceivedMessages()).stream()
        .filter(alert -> ours.stream().anyMatch(id -> alert.text().contains("/api/leads/" + id)))
        .toList();
  }

  private JsonNode awaitBreachEscalated(String id) {
    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> accord.getLead(id),
                answer ->
                    answer.status() == 200
                        && firstTouch(answer.body()).get("state").asText().equals("BREACHED")
                        && StreamSupport.stream(
                                firstTouch(answer.body()).get("escalations").spliterator(), false)
                            .allMatch(e -> e.get("status").asText().equals("SENT"))
                        && StreamSupport.stream(
                                firstTouch(answer.body()).get("escalations").spliterator(), false)
                            .anyMatch(e -> e.get("stage").asText().equals("breach")))
            .body();
    return firstTouch(lead);
  }

  private static JsonNode firstTouch(JsonNode lead) {
    return StreamSupport.stream(lead.get("slaClocks").spliterator(), false)
        .filter(clock -> clock.get("name").asText().equals("First touch"))
        .findFirst()
        .orElseThrow();
  }
}
