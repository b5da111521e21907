package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A business user saves a change to the rulebook folder of a running server: a good change goes
 * live without a restart and decides the next lead, a broken one is rejected with its file and line
 * while the live version keeps deciding, and taking the change out brings the first version back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulebookReloadIT {

  private static final Path RULEBOOK = Path.of(System.getProperty("accord.it.rulebook.dir"));
  private static final Path NEW_RULE = RULEBOOK.resolve("scoring/it-hot-reload.drl");
  private static final Path BROKEN_RULE = RULEBOOK.resolve("scoring/it-broken.drl");
  private static final Path SCENARIO_BREAKER = RULEBOOK.resolve("scoring/it-scenario-breaker.drl");
  private static final Path LOOPING_RULE = RULEBOOK.resolve("scoring/it-looping.drl");

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aSavedChangeGoesLiveABrokenOneIsRejectedAndTheLiveVersionKeepsDeciding() throws IOException {
    String first = rules().get("liveVersion").asText();
    String second;
    try {
      Files.writeString(
          NEW_RULE,
          """
          package scoring;

          import dev.accord.rules.lead.Lead;
          import dev.accord.rules.decision.ScoreSheet;

          global ScoreSheet engagement;

          rule "IT: leads from the hot-reload campaign get 7 points"
          when
              Lead( source == "hot-reload" )
          then
              engagement.award(7);
          end
          """);
      long saved = System.nanoTime();
      JsonNode published =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(this::rules, r -> !r.get("liveVersion").asText().equals(first));
      long liveAfterMillis = (System.nanoTime() - saved) / 1_000_000;
      System.out.println(
          "RulebookReloadIT: the saved change was live after " + liveAfterMillis + " ms");
      second = published.get("liveVersion").asText();
      assertThat(published.at("/lastAttempt/outcome").asText()).isEqualTo("PUBLISHED");
      assertThat(published.get("liveFrom").asText()).isEqualTo("FOLDER");

      JsonNode versions = accord.get("/api/rules/versions", ChannelsIT.OPERATOR_KEY).body();
      assertThat(versions.at("/0/version").asText()).isEqualTo(second);
      assertThat(versions.at("/0/publishedBy").asText())
          .isEqualTo("folder (saved by " + System.getProperty("user.name") + ")");
      assertThat(versions.at("/0/live").asBoolean()).isTrue();
      JsonNode diff =
          accord
              .get("/api/rules/versions/" + first + "/diff/" + second, ChannelsIT.OPERATOR_KEY)
              .body();
      assertThat(diff).hasSize(1);
      assertThat(diff.at("/0/file").asText()).isEqualTo("scoring/it-hot-reload.drl");
      assertThat(diff.at("/0/change").asText()).isEqualTo("ADDED");
      assertThat(diff.at("/0/diff").toString())
          .contains("+rule \\\"IT: leads from the hot-reload campaign get 7 points\\\"");

      JsonNode decided = routedLead("hot-reload");
      assertThat(decided.at("/score/rulebookVersion").asText()).isEqualTo(second);
      assertThat(reasons(decided))
          .contains("IT: leads from the hot-reload campaign get 7 points = 7");

      Files.writeString(
          BROKEN_RULE,
          """
          package scoring;

          import dev.accord.rules.lead.Lead;

          rule "IT: a typo a business user could make"
          when
              Lead( employes > 10 )
          then
          end
          """);
      JsonNode rejected =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(this::rules, r -> r.at("/lastAttempt/outcome").asText().equals("REJECTED"));
      assertThat(rejected.get("liveVersion").asText()).isEqualTo(second);
      assertThat(rejected.at("/lastAttempt/problems/0/file").asText())
          .isEqualTo("scoring/it-broken.drl");
      assertThat(rejected.at("/lastAttempt/problems/0/line").asInt()).isEqualTo(7);
      JsonNode stillDecided = routedLead("hot-reload");
      assertThat(stillDecided.at("/score/rulebookVersion").asText()).isEqualTo(second);
    } finally {
      Files.deleteIfExists(BROKEN_RULE);
      Files.deleteIfExists(NEW_RULE);
    }
    JsonNode restored =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(this::rules, r -> r.get("liveVersion").asText().equals(first));
    assertThat(restored.at("/lastAttempt/outcome").asText()).isEqualTo("PUBLISHED");

    // An operator puts the second version back in one call, then the first again.
    AccordClient.Answer bySource =
        accord.post("/api/rules/rollback", "{\"version\": \"" + second + "\"}");
    AccordClient.Answer unknown =
        accord.post(
            "/api/rules/rollback",
            "{\"version\": \"sha256:000000000000\"}",
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer forward =
        accord.post(
            "/api/rules/rollback", "{\"version\": \"" + second + "\"}", ChannelsIT.OPERATOR_KEY);
    boolean ruleBackInFolder = Files.exists(NEW_RULE);
    AccordClient.Answer back =
        accord.post(
            "/api/rules/rollback", "{\"version\": \"" + first + "\"}", ChannelsIT.OPERATOR_KEY);

    assertThat(bySource.status()).isEqualTo(403);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(forward.body().get("liveVersion").asText()).isEqualTo(second);
    assertThat(ruleBackInFolder).isTrue();
    assertThat(back.body().get("liveVersion").asText()).isEqualTo(first);
    assertThat(Files.exists(NEW_RULE)).isFalse();
    assertThat(
            accord
                .get("/api/rules/versions", ChannelsIT.OPERATOR_KEY)
                .body()
                .at("/0/publishedBy")
                .asText())
        .isEqualTo("operator it.operator");
  }

  @Test
  void aChangeThatBreaksAScenarioIsHeldBackUntilAnOperatorForcesIt() throws IOException {
    String first = rules().get("liveVersion").asText();
    String forcedVersion;
    try {
      Files.writeString(
          SCENARIO_BREAKER,
          """
          package scoring;

          import dev.accord.rules.lead.Lead;
          import dev.accord.rules.decision.ScoreSheet;

          global ScoreSheet engagement;

          rule "IT: webinars are worth nothing this quarter"
          when
              Lead( source == "webinar" )
          then
              engagement.award(-40);
          end
          """);
      JsonNode rejected =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(this::rules, r -> r.at("/lastAttempt/outcome").asText().equals("REJECTED"));
      assertThat(rejected.get("liveVersion").asText()).isEqualTo(first);
      assertThat(rejected.at("/lastAttempt/problems/0/file").asText()).isEqualTo("scenarios.csv");
      assertThat(rejected.at("/lastAttempt/problems/0/reason").asText())
          .startsWith(
              "'A VP at an 800-person company in Germany asking for a demo after a webinar'"
                  + " expects grade A but the rules now give");

      JsonNode forced =
          accord.post("/api/rules/reload?force=true", "", ChannelsIT.OPERATOR_KEY).body();
      forcedVersion = forced.get("liveVersion").asText();

      assertThat(forcedVersion).isNotEqualTo(first);
      assertThat(forced.at("/lastAttempt/outcome").asText()).isEqualTo("PUBLISHED");
      assertThat(
              accord
                  .get("/api/rules/versions", ChannelsIT.OPERATOR_KEY)
                  .body()
                  .at("/0/publishedBy")
                  .asText())
          .isEqualTo("operator it.operator (forced past 1 failing scenarios)");
    } finally {
      Files.deleteIfExists(SCENARIO_BREAKER);
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(this::rules, r -> r.get("liveVersion").asText().equals(first));
  }

  @Test
  void aSimulationShowsWhatTheLiveRulesWouldDecideAndKeepsNothing() {
    String email = "simulated." + UUID.randomUUID().toString().substring(0, 8) + "@example.de";
    JsonNode rules = rules();
    String live = rules.get("liveVersion").asText();
    // The demo territories cover every ISO 3166 country: no lead goes without a team.
    assertThat(rules.get("warnings").toString()).doesNotContain("covered by no territory");

    AccordClient.Answer simulated =
        accord.post(
            "/api/rules/simulate",
            """
            {"email": "%s", "title": "VP of Operations", "employees": 800, "country": "Germany",
             "source": "webinar", "action": "demo"}
            """
                .formatted(email),
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer invalid =
        accord.post(
            "/api/rules/simulate", "{\"email\": \"not-an-address\"}", ChannelsIT.OPERATOR_KEY);

    assertThat(simulated.status()).isEqualTo(200);
    JsonNode decision = simulated.body();
    assertThat(decision.get("rulebookVersion").asText()).isEqualTo(live);
    assertThat(decision.at("/lead/country").asText()).isEqualTo("DE");
    assertThat(decision.get("fit").asInt()).isEqualTo(55);
    assertThat(decision.get("engagement").asInt()).isEqualTo(55);
    assertThat(decision.get("grade").asText()).isEqualTo("A");
    assertThat(decision.get("team").asText()).isEqualTo("emea");
    List<String> reasons = new ArrayList<>();
    decision
        .get("reasons")
        .forEach(r -> reasons.add(r.get("concern").asText() + ": " + r.get("rule").asText()));
    assertThat(reasons)
        .contains(
            "FIT: Companies with 200 to 999 employees are a strong fit",
            "ENGAGEMENT: Asking for a demo shows buying intent",
            "ROUTING: Leads from Germany (DE) go to the EMEA team");
    List<String> clocks = new ArrayList<>();
    decision
        .get("clocks")
        .forEach(
            c ->
                clocks.add(
                    c.get("name").asText()
                        + " owed by "
                        + c.get("owner").asText()
                        + " within "
                        + c.get("target").asText()));
    assertThat(clocks).contains("First touch owed by SALES within PT15M");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("errors").toString())
        .contains("\"field\":\"email\"", "\"field\":\"country\"");
    assertThat(accord.get("/api/leads?email=" + email, ChannelsIT.OPERATOR_KEY).body().get("leads"))
        .isEmpty();
  }

  @Test
  void aChangeWhoseRulesLoopIsStoppedAtItsBudgetAndRejectedWhileTheLiveVersionKeepsDeciding()
      throws IOException {
    String live = rules().get("liveVersion").asText();
    try {
      Files.writeString(
          LOOPING_RULE,
          """
          package scoring;

          import dev.accord.rules.lead.Lead;

          rule "IT: every lead is looked at again"
          when
              $lead : Lead( )
          then
              update($lead);
          end
          """);
      JsonNode rejected =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(this::rules, r -> r.at("/lastAttempt/outcome").asText().equals("REJECTED"));

      assertThat(rejected.get("liveVersion").asText()).isEqualTo(live);
      assertThat(rejected.at("/lastAttempt/problems/0/file").asText()).isEqualTo("scenarios.csv");
      assertThat(rejected.at("/lastAttempt/problems/0/reason").asText())
          .endsWith(
              ": rule \"IT: every lead is looked at again\" fired more than 500 times for one lead"
                  + " and was stopped; it probably triggers itself again (update without"
                  + " no-loop)");
      assertThat(routedLead("webinar").at("/score/rulebookVersion").asText()).isEqualTo(live);
    } finally {
      Files.deleteIfExists(LOOPING_RULE);
    }
    // The watcher and reload were not held: the folder as it was is compiled again at once.
    JsonNode again =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(this::rules, r -> !r.at("/lastAttempt/outcome").asText().equals("REJECTED"));
    assertThat(again.at("/lastAttempt/outcome").asText()).isEqualTo("UNCHANGED");
    assertThat(again.get("liveVersion").asText()).isEqualTo(live);
  }

  private JsonNode rules() {
    return accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body();
  }

  private JsonNode routedLead(String source) {
    String id =
        accord
            .postLead(
                """
                {"externalId": "%s", "email": "reload.%s@example.com", "country": "DE",
                 "source": "%s"}
                """
                    .formatted(UUID.randomUUID(), UUID.randomUUID(), source))
            .body()
            .get("id")
            .asText();
    return accord.awaitLead(id);
  }

  private static List<String> reasons(JsonNode lead) {
    List<String> reasons = new ArrayList<>();
    lead.at("/score/reasons")
        .forEach(r -> reasons.add(r.get("rule").asText() + " = " + r.get("points").asInt()));
    return reasons;
  }
}
