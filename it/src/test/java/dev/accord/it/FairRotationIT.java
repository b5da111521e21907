package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fairness ledger drives the rotation under load: 30 grade-D leads sent in parallel to EMEA,
 * consumed by parallel consumers, with Jonas at weight 2 and Priya capped two leads above what she
 * holds: Priya stops at her cap, and the shares of the ledger (leads per weight) end within one
 * lead of each other; every receipt says why its rep was chosen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FairRotationIT {

  private static final int LEADS = 30;

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void parallelLeadsFollowTheWeightedLedgerAndNoCapIsOverrun() throws Exception {
    long priyaOpen = accord.rep("priya.nair").get("openLeads").asLong();
    long priyaCap = priyaOpen + 2;
    List<String> ids = new ArrayList<>();
    JsonNode team = accord.operator("GET", "/api/organisation/teams/emea", null).json();
    try {
      // Earlier tests sent reps away and left the month's ledger uneven; without catch-up the
      // reps who fell behind rejoin level, so the batch shows the rotation, not the history.
      assertThat(
              accord
                  .operator("PUT", "/api/organisation/teams/emea", Teams.withCatchUp(team, "NONE"))
                  .status())
          .isEqualTo(200);
      assertThat(
              accord
                  .operator("PUT", "/api/organisation/reps/jonas.weber", "{\"weight\": 2}")
                  .status())
          .isEqualTo(200);
      assertThat(
              accord
                  .operator(
                      "PUT",
                      "/api/organisation/reps/priya.nair",
                      "{\"maxOpenLeads\": " + priyaCap + "}")
                  .status())
          .isEqualTo(200);
      ExecutorService senders = Executors.newFixedThreadPool(6);
      try {
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
          // Grade D: a German lead with nothing else said (10 fit points for the market).
          sent.add(
              senders.submit(
                  () ->
                      accord
                          .postLead(
                              "{\"email\": \"fair.%s@example.de\", \"country\": \"DE\"}"
                                  .formatted(UUID.randomUUID()))
                          .body()
                          .get("id")
                          .asText()));
        }
        for (Future<String> id : sent) {
          ids.add(id.get());
        }
      } finally {
        senders.shutdown();
      }
      Map<String, Integer> batch = new HashMap<>();
      for (String id : ids) {
        JsonNode lead =
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> accord.getLead(id), answer -> answer.status() == 200)
                .body();
        assertThat(lead.at("/score/grade").asText()).isEqualTo("D");
        assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
        JsonNode chosen =
            StreamSupport.stream(lead.at("/assignment/candidates").spliterator(), false)
                .filter(c -> c.get("chosen").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(chosen.get("reason").asText())
            .matches(
                "fewest grade D leads this period for their weight: \\d+ at weight [12]"
                    + "( \\(\\d+ of them credited by the team's catch-up policy\\))?");
        batch.merge(lead.at("/assignment/rep/id").asText(), 1, Integer::sum);
      }

      assertThat(accord.rep("priya.nair").get("openLeads").asLong()).isLessThanOrEqualTo(priyaCap);
      JsonNode ledger = accord.operator("GET", "/api/routing/ledger?team=emea", null).json();
      Map<String, Double> shares = new HashMap<>();
      for (JsonNode line : ledger.get("lines")) {
        if (line.get("grade").asText().equals("D")
            && List.of("ana.costa", "jonas.weber").contains(line.get("repId").asText())) {
          double weight = line.get("repId").asText().equals("jonas.weber") ? 2 : 1;
          // What the rotation goes by: leads received and leads credited by a catch-up policy.
          shares.put(
              line.get("repId").asText(),
              (line.get("assigned").asInt() + line.get("credited").asInt()) / weight);
        }
      }
      System.out.println(
          "FairRotationIT: batch " + batch + ", ledger shares (leads per weight) " + shares);
      assertThat(batch.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(LEADS);
      assertThat(batch.getOrDefault("priya.nair", 0)).isLessThanOrEqualTo(2);
      assertThat(shares).containsOnlyKeys("ana.costa", "jonas.weber");
      assertThat(Math.abs(shares.get("ana.costa") - shares.get("jonas.weber")))
          .as("shares %s", shares)
          .isLessThanOrEqualTo(1.0);
      assertThat(
              accord.operator("GET", "/api/routing/ledger?team=emea&period=2026-13", null).status())
          .isEqualTo(400);
    } finally {
      accord.operator("PUT", "/api/organisation/teams/emea", Teams.withCatchUp(team, "FULL"));
      accord.operator("PUT", "/api/organisation/reps/jonas.weber", "{\"weight\": 1}");
      accord.operator("PUT", "/api/organisation/reps/priya.nair", "{\"maxOpenLeads\": null}");
    }
  }
}
