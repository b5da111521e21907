package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A business user tries a change before saving it: a lead simulated under a candidate rulebook (the
 * live files with one territory row changed), and the candidate replayed over the leads already
 * stored, showing who would change hands, while nothing stored changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulebookCandidateIT {

  private static final Path RULEBOOK = Path.of(System.getProperty("accord.it.rulebook.dir"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aCandidateMovingLiechtensteinToTheAmericasIsSimulatedAndReplayedWithoutActing()
      throws IOException {
    String live =
        accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText();
    String source = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    // Three leads of one campaign: two from Liechtenstein (EMEA today), one from the US.
    Map<String, String> countryById = new HashMap<>();
    for (String country : List.of("LI", "LI", "US")) {
      String id =
          accord
              .postLead(
                  """
                  {"email": "replay.%s@example.com", "country": "%s", "title": "CFO",
                   "employees": 300, "source": "%s", "action": "pricing"}
                  """
                      .formatted(UUID.randomUUID(), country, source))
              .body()
              .get("id")
              .asText();
      countryById.put(id, country);
    }
    Map<String, JsonNode> routed = new HashMap<>();
    for (String id : countryById.keySet()) {
      routed.put(id, accord.awaitLead(id));
    }
    String territories =
        Files.readString(RULEBOOK.resolve("routing/territories.csv"))
            .replace(
                "Leads from Liechtenstein (LI) go to the EMEA team,LI,emea",
                "Leads from Liechtenstein (LI) go to the Americas team,LI,americas")
            .replace(
                "Leads from Germany (DE) go to the EMEA team,DE,emea",
                "Leads from Germany (DE) go to the DACH team,DE,dach");
    ObjectNode candidate = JSON.createObjectNode();
    candidate.putObject("files").put("routing/territories.csv", territories);

    ObjectNode simulation = JSON.createObjectNode();
    simulation
        .putObject("lead")
        .put("email", "simulated.li@example.com")
        .put("country", "Liechtenstein")
        .put("title", "CFO")
        .put("employees", 300)
        .put("action", "pricing");
    simulation.set("candidate", candidate);
    AccordClient.Answer bySourceKey = accord.post("/api/rules/simulate", simulation.toString());
    AccordClient.Answer simulated =
        accord.post("/api/rules/simulate", simulation.toString(), ChannelsIT.OPERATOR_KEY);

    // Rules sent with a request are compiled and run by the server: operators only.
    assertThat(bySourceKey.status()).isEqualTo(403);

    assertThat(simulated.status()).isEqualTo(200);
    assertThat(simulated.body().at("/decision/team").asText()).isEqualTo("americas");
    assertThat(simulated.body().at("/decision/rulebookVersion").asText()).isNotEqualTo(live);
    // Moving Germany breaks the rulebook's own example; the simulation says so, as a publish would.
    assertThat(simulated.body().get("failedScenarios").toString())
        .isEqualTo(
            "[{\"file\":\"scenarios.csv\",\"line\":2,\"reason\":\"'A VP at an 800-person"
                + " company in Germany asking for a demo after a webinar' expects team emea but the"
                + " rules now give dach\"}]");
    // The organisation has no team "dach": the candidate's lint says so at the row.
    assertThat(simulated.body().get("warnings").toString())
        .contains(
            "{\"file\":\"routing/territories.csv\",\"line\":21,\"reason\":\"team 'dach' is not a"
                + " team of the organisation (americas, emea), so its leads reach nobody\"}");

    ObjectNode replayRequest = JSON.createObjectNode().put("days", 1).put("source", source);
    replayRequest.set("candidate", candidate);
    AccordClient.Answer bySource = accord.post("/api/rules/replay", replayRequest.toString());
    AccordClient.Answer replayed =
        accord.post("/api/rules/replay", replayRequest.toString(), ChannelsIT.OPERATOR_KEY);
    AccordClient.Raw report =
        accord.exchange(
            accord
                .request("/api/rules/replay")
                .header("Content-Type", "application/json")
                .header("Accept", "text/markdown")
                .header("Authorization", "Bearer " + ChannelsIT.OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(replayRequest.toString())));

    assertThat(bySource.status()).isEqualTo(403);
    assertThat(replayed.status()).isEqualTo(200);
    JsonNode replay = replayed.body();
    assertThat(replay.get("leads").asInt()).isEqualTo(3);
    assertThat(replay.get("wouldChangeTeam").asInt()).isEqualTo(2);
    assertThat(replay.get("wouldChangeHands").asInt()).isEqualTo(2);
    assertThat(replay.get("wouldChangeGrade").asInt()).isZero();
    assertThat(replay.at("/teams/emea").toString()).isEqualTo("{\"now\":2,\"withCandidate\":0}");
    assertThat(replay.at("/teams/americas").toString())
        .isEqualTo("{\"now\":1,\"withCandidate\":3}");
    assertThat(replay.get("examples")).hasSize(2);
    for (JsonNode change : replay.get("examples")) {
      JsonNode before = routed.get(change.get("lead").asText());
      assertThat(countryById.get(change.get("lead").asText())).isEqualTo("LI");
      assertThat(change.at("/now/team").asText()).isEqualTo("emea");
      assertThat(change.at("/now/rep").asText())
          .isEqualTo(before.at("/assignment/rep/id").asText());
      assertThat(change.at("/withCandidate/team").asText()).isEqualTo("americas");
      assertThat(change.at("/withCandidate/grade").asText())
          .isEqualTo(before.at("/score/grade").asText());
      assertThat(change.get("rule").asText())
          .isEqualTo("Leads from Liechtenstein (LI) go to the Americas team");
    }
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body())
        .contains("Leads with source " + source + " received from ")
        .contains(": **3**. Nothing was changed")
        .contains("- Would change hands: **2** (66.7 %)")
        .contains("| emea | 2 | 0 | -2 |")
        .contains("| americas | 1 | 3 | +2 |");

    // Nothing was acted on: the leads are where they were, under the live version.
    for (Map.Entry<String, JsonNode> lead : routed.entrySet()) {
      JsonNode now = accord.getLead(lead.getKey()).body();
      assertThat(now.at("/assignment/team/id").asText())
          .isEqualTo(lead.getValue().at("/assignment/team/id").asText());
      assertThat(now.at("/assignment/rep/id").asText())
          .isEqualTo(lead.getValue().at("/assignment/rep/id").asText());
    }
    assertThat(accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText())
        .isEqualTo(live);
  }

  @Test
  void aCandidateThatDoesNotCompileOrLeavesTheFolderIsRefusedNamingTheFile() {
    AccordClient.Answer broken =
        accord.post(
            "/api/rules/simulate",
            """
            {"lead": {"email": "x@example.com", "country": "DE"},
             "candidate": {"files": {"scoring/typo.drl":
               "package scoring;\\nimport dev.accord.rules.lead.Lead;\\nrule \\"Typo\\"\\nwhen\\n    Lead( employes > 10 )\\nthen\\nend\\n"}}}
            """,
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer escaping =
        accord.post(
            "/api/rules/simulate",
            """
            {"lead": {"email": "x@example.com", "country": "DE"},
             "candidate": {"files": {"../../configuration/standalone.xml": "x"}}}
            """,
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer badDays =
        accord.post(
            "/api/rules/replay",
            "{\"days\": 0, \"candidate\": {\"files\": {}}}",
            ChannelsIT.OPERATOR_KEY);

    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.body().at("/errors/0/field").asText()).isEqualTo("scoring/typo.drl:5");
    assertThat(escaping.status()).isEqualTo(400);
    assertThat(escaping.body().at("/errors/0/field").asText())
        .isEqualTo("candidate.files.../../configuration/standalone.xml");
    assertThat(badDays.status()).isEqualTo(400);
    assertThat(badDays.body().at("/errors/0").toString())
        .isEqualTo(
            "{\"field\":\"days\",\"reason\":\"must be a whole number of days from 1 to 365\"}");
  }
}
