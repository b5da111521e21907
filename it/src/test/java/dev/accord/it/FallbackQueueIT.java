package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accord.it.Alerts.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No lead is left unowned in silence: a lead the rules send to a team that does not exist waits in
 * the global queue, the queue's manager (the head of sales) is alerted, and an operator gives it to
 * a rep by hand, which its history and its clocks record.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FallbackQueueIT {

  private static final String HEAD_OF_SALES = "head.of.sales@accord.example";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Path MISROUTING_RULE =
      Path.of(System.getProperty("accord.it.rulebook.dir")).resolve("routing/it-partner-desk.drl");

  private final AccordClient accord = new AccordClient();

  private String liveVersion() {
    return accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText();
  }

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aLeadForATeamThatDoesNotExistWaitsInTheGlobalQueueItsManagerIsToldAndAnOperatorAssignsIt()
      throws IOException {
    String source = "partner-desk-" + UUID.randomUUID().toString().substring(0, 8);
    String before = liveVersion();
    String id;
    try {
      // A business user routes a new campaign to a team id the organisation does not have.
      Files.writeString(
          MISROUTING_RULE,
          """
          package routing;

          import dev.accord.rules.lead.Lead;
          import dev.accord.rules.decision.TeamChoice;

          global TeamChoice routing;

          rule "IT: the partner desk takes the partner-desk campaign"
              salience 100
          when
              Lead( source == "%s" )
          then
              routing.toTeam("partner-desk");
          end
          """
              .formatted(source));
      await().atMost(Duration.ofSeconds(20)).until(this::liveVersion, v -> !v.equals(before));
      id =
          accord
              .postLead(
                  """
                  {"email": "dardan.%s@example.com", "firstName": "Dardan", "lastName": "Berisha",
                   "company": "Prishtina Logistics", "title": "CEO", "employees": 2000,
                   "country": "AL", "source": "%s", "action": "contact-sales"}
                  """
                      .formatted(UUID.randomUUID(), source))
              .body()
              .get("id")
              .asText();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> accord.getLead(id), answer -> answer.status() == 200);
    } finally {
      Files.deleteIfExists(MISROUTING_RULE);
    }
    await().atMost(Duration.ofSeconds(20)).until(this::liveVersion, v -> v.equals(before));
    JsonNode unrouted = accord.getLead(id).body();

    assertThat(unrouted.get("status").asText()).isEqualTo("UNROUTED");
    JsonNode queue = accord.get("/api/routing/queue?queue=global", ChannelsIT.OPERATOR_KEY).body();
    JsonNode waiting =
        StreamSupport.stream(queue.get("leads").spliterator(), false)
            .filter(lead -> lead.get("id").asText().equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError(id + " is not in the global queue: " + queue));
    assertThat(waiting.get("queue").asText()).isEqualTo("global");
    assertThat(waiting.get("company").asText()).isEqualTo("Prishtina Logistics");
    assertThat(waiting.get("country").asText()).isEqualTo("AL");
    assertThat(waiting.get("grade").asText()).isEqualTo(unrouted.at("/score/grade").asText());
    assertThat(waiting.get("reason").asText())
        .isEqualTo("The rulebook chose team 'partner-desk', which does not exist");
    assertThat(accord.get("/api/routing/queue").status()).isEqualTo(403);

    List<Alert> alerts =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> Alerts.aboutLead(MAIL.getReceivedMessages(), id), found -> !found.isEmpty());
    assertThat(alerts)
        .extracting(Alert::to, Alert::stage, Alert::subject)
        .containsExactly(
            tuple(
                HEAD_OF_SALES,
                "unowned",
                "[Accord] UNOWNED: Dardan Berisha (Prishtina Logistics) — waits in the global"
                    + " queue"));
    assertThat(alerts.get(0).text())
        .contains("Why: The rulebook chose team 'partner-desk', which does not exist")
        .contains("Queue: global (no team)");

    AccordClient.Answer bySource =
        accord.post(
            "/api/leads/" + id + "/assignment", "{\"rep\": \"ana.costa\", \"reason\": \"x\"}");
    AccordClient.Answer withoutReason =
        accord.post(
            "/api/leads/" + id + "/assignment",
            "{\"rep\": \"ana.costa\"}",
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer unknownRep =
        accord.post(
            "/api/leads/" + id + "/assignment",
            "{\"rep\": \"nobody\", \"reason\": \"x\"}",
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer assigned =
        accord.post(
            "/api/leads/" + id + "/assignment",
            "{\"rep\": \"ana.costa\", \"reason\": \"Albania stays with EMEA until the partner desk exists\"}",
            ChannelsIT.OPERATOR_KEY);

    assertThat(bySource.status()).isEqualTo(403);
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(withoutReason.body().at("/errors/0").toString())
        .isEqualTo(
            "{\"field\":\"reason\",\"reason\":\"is required: why the lead goes to this rep, for"
                + " its history\"}");
    assertThat(unknownRep.status()).isEqualTo(400);
    assertThat(unknownRep.body().at("/errors/0").toString())
        .isEqualTo("{\"field\":\"rep\",\"reason\":\"no rep has the id 'nobody'\"}");
    assertThat(assigned.status()).isEqualTo(200);
    JsonNode lead = assigned.body();
    String detail =
        "Assigned by hand to Ana Costa of team EMEA by operator it.operator: Albania stays with"
            + " EMEA until the partner desk exists";
    assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
    assertThat(lead.at("/assignment/team/id").asText()).isEqualTo("emea");
    assertThat(lead.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
    assertThat(lead.at("/assignment/unownedAlerts/0/stage").asText()).isEqualTo("unowned");
    List<String> history = new ArrayList<>();
    lead.get("history")
        .forEach(e -> history.add(e.get("type").asText() + ": " + e.get("detail").asText()));
    assertThat(history)
        .containsSubsequence(
            "UNROUTED: The rulebook chose team 'partner-desk', which does not exist",
            "ASSIGNED: " + detail);
    List<String> ownerChanges = new ArrayList<>();
    lead.get("slaClocks")
        .forEach(
            clock ->
                clock
                    .get("events")
                    .forEach(
                        e -> {
                          if (e.get("type").asText().equals("OWNER_CHANGED")) {
                            ownerChanges.add(
                                clock.get("name").asText() + ": " + e.get("detail").asText());
                          }
                        }));
    assertThat(ownerChanges).contains("First touch: " + detail);
    JsonNode after = accord.get("/api/routing/queue", ChannelsIT.OPERATOR_KEY).body();
    assertThat(after.get("leads").toString()).doesNotContain(id);

    // Decided again by the rotation, Ana left out.
    JsonNode rerouted =
        accord
            .post(
                "/api/leads/" + id + "/assignment/reroute",
                "{\"reason\": \"Ana is at capacity this week\"}",
                ChannelsIT.OPERATOR_KEY)
            .body();
    String successor = rerouted.at("/assignment/rep/name").asText();
    assertThat(rerouted.at("/assignment/rep/id").asText()).isIn("jonas.weber", "priya.nair");
    JsonNode last = rerouted.get("history").get(rerouted.get("history").size() - 1);
    assertThat(last.get("type").asText() + ": " + last.get("detail").asText())
        .isEqualTo(
            "REROUTED: Re-routed from Ana Costa to "
                + successor
                + " because operator it.operator asked: Ana is at capacity this week");
    JsonNode formerOwner =
        StreamSupport.stream(rerouted.at("/assignment/candidates").spliterator(), false)
            .filter(c -> c.get("repId").asText().equals("ana.costa"))
            .findFirst()
            .orElseThrow();
    assertThat(formerOwner.get("chosen").asBoolean()).isFalse();
    assertThat(formerOwner.get("reason").asText())
        .isEqualTo("owned the lead when operator it.operator asked: Ana is at capacity this week");
  }
}
