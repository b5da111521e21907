package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key reads and writes only what it owns: an intake source's key does not see where escalations
 * went, records activities under its own name (the reps' CRM, {@code demo-web} on the IT server,
 * also as the lead's rep), cannot write its fields into another source's lead, and cannot read the
 * rulebook or the scorecard; an operator's key can.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyScopeIT {

  private static final String OPERATORS_ONLY = "https://accord.dev/problems/operators-only";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static ChatWebhook chat;

  private final AccordClient accord = new AccordClient();

  @BeforeAll
  static void openTheChatChannel() {
    chat = new ChatWebhook(8199);
  }

  @AfterAll
  static void closeTheChatChannel() {
    chat.close();
  }

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void anIntakeKeySeesItsLeadsEscalationsWithoutAddressesAndAnOperatorSeesWhereEachWent() {
    String domain = "key-scope-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
    String account = "key-scope-" + domain.hashCode();
    // Ana owns the account, so the lead and its first warnings are hers.
    accord.operatorOk(
        "PUT",
        "/api/organisation/accounts/" + account,
        "{\"name\": \"Key Scope "
            + domain
            + "\", \"domain\": \""
            + domain
            + "\","
            + " \"owner\": \"ana.costa\"}");
    try {
      String id = postLead(AccordClient.DEMO_KEY, "greta@" + domain, "sla-it");
      // The test rulebook gives leads from "sla-it" 6 seconds: warnings at 3 s and 4.5 s, breach.
      JsonNode asOperator =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> accord.get("/api/leads/" + id, ChannelsIT.OPERATOR_KEY).body(),
                  lead -> lead.has("slaClocks") && stages(firstTouchClock(lead)).size() == 3);
      JsonNode asSource = accord.get("/api/leads/" + id, AccordClient.DEMO_KEY).body();

      assertThat(firstTouchClock(asOperator).get("escalations"))
          .filteredOn(e -> e.get("stage").asText().equals("warning-50"))
          .extracting(e -> e.get("recipient").asText(), e -> e.get("address").asText())
          .containsExactlyInAnyOrder(
              tuple("REP", "ana.costa@accord.example"),
              tuple("TOPIC", "AccordEscalations"),
              tuple("WEBHOOK", "http://127.0.0.1:8199/hooks/escalations"));
      assertThat(firstTouchClock(asOperator).get("escalations"))
          .filteredOn(e -> e.get("recipient").asText().equals("HEAD_OF_SALES"))
          .extracting(e -> e.get("address").asText())
          .containsExactly("head.of.sales@accord.example");
      JsonNode sourcesRep =
          firstTouchClock(asSource).get("escalations").elements().next().deepCopy();
      assertThat(firstTouchClock(asSource).get("escalations"))
          .hasSameSizeAs(firstTouchClock(asOperator).get("escalations"))
          .allSatisfy(
              e -> {
                assertThat(e.has("address")).as(e.toString()).isFalse();
                assertThat(e.has("lastError")).as(e.toString()).isFalse();
              });
      assertThat(sourcesRep.fieldNames())
          .toIterable()
          .contains("id", "stage", "recipient", "channel", "status", "attempts");
      assertThat(asSource.toString())
          .doesNotContain("@accord.example")
          .doesNotContain("/hooks/escalations");
    } finally {
      accord.operator("DELETE", "/api/organisation/accounts/" + account, null);
    }
  }

  @Test
  void aSourceRecordsActivitiesAsItselfAndMayNotNameTheLeadsRep() {
    String id = postLead(ChannelsIT.OTHER_KEY, unique("own-name"), "website");
    JsonNode lead = awaitLead(id, ChannelsIT.OTHER_KEY);
    String rep = lead.at("/assignment/rep/id").asText();

    AccordClient.Answer asRep =
        accord.post(
            "/api/leads/" + id + "/activities",
            "{\"type\": \"touch\", \"by\": \"" + rep + "\"}",
            ChannelsIT.OTHER_KEY);
    AccordClient.Answer asItself =
        accord.post(
            "/api/leads/" + id + "/activities",
            "{\"type\": \"touch\", \"note\": \"Sent the brochure\"}",
            ChannelsIT.OTHER_KEY);

    assertThat(asRep.status()).isEqualTo(403);
    assertThat(asRep.contentType()).startsWith("application/problem+json");
    assertThat(asRep.body().get("type").asText())
        .isEqualTo("https://accord.dev/problems/activity-author-refused");
    assertThat(asRep.body().get("errors"))
        .extracting(e -> e.get("field").asText(), e -> e.get("reason").asText())
        .containsExactly(
            tuple(
                "by",
                "must be left out or 'other-source': a source's key records activities as that"
                    + " source"));
    assertThat(asItself.status()).isEqualTo(201);
    List<String> activities = activityDetails(asItself.body());
    assertThat(activities).containsExactly("touch by other-source: Sent the brochure");
  }

  @Test
  void theRepsCrmRecordsAsTheLeadsRepAndAnyOtherNameIsRefusedAlikeWhetherOrNotItIsARep() {
    String id = postLead(AccordClient.DEMO_KEY, unique("crm"), "website");
    JsonNode lead = awaitLead(id, AccordClient.DEMO_KEY);
    String rep = lead.at("/assignment/rep/id").asText();
    String anotherRep =
        StreamSupport.stream(lead.at("/assignment/candidates").spliterator(), false)
            .map(c -> c.get("repId").asText())
            .filter(candidate -> !candidate.equals(rep))
            .findFirst()
            .orElseThrow();

    AccordClient.Answer asAnotherRep = activity(id, "touch", anotherRep, AccordClient.DEMO_KEY);
    AccordClient.Answer asNobody = activity(id, "touch", "no.such.rep", AccordClient.DEMO_KEY);
    AccordClient.Answer asTheLeadsRep = activity(id, "touch", rep, AccordClient.DEMO_KEY);

    assertThat(asAnotherRep.status()).isEqualTo(403);
    assertThat(asAnotherRep.body().get("errors"))
        .extracting(e -> e.get("field").asText(), e -> e.get("reason").asText())
        .containsExactly(
            tuple(
                "by",
                "must be left out, 'demo-web' or the lead's rep: the reps' CRM records activities"
                    + " as itself or as the lead's rep"));
    assertThat(asNobody.status()).isEqualTo(403);
    assertThat(asNobody.body()).isEqualTo(asAnotherRep.body());
    assertThat(asTheLeadsRep.status()).isEqualTo(201);
    assertThat(activityDetails(asTheLeadsRep.body())).containsExactly("touch by " + rep);
  }

  @Test
  void anOperatorRecordsAnActivityAsAnyRep() {
    String id = postLead(ChannelsIT.OTHER_KEY, unique("operator-activity"), "website");
    awaitLead(id, ChannelsIT.OTHER_KEY);

    AccordClient.Answer recorded = activity(id, "connect", "jonas.weber", ChannelsIT.OPERATOR_KEY);

    assertThat(recorded.status()).isEqualTo(201);
    assertThat(activityDetails(recorded.body())).containsExactly("connect by jonas.weber");
  }

  @Test
  void aPersonsSubmissionFromAnotherSourceAddsEngagementButLeavesTheirLeadsFields() {
    String email = unique("two-sources");
    String first =
        accord
            .postLead(
                """
                {"externalId": "%s", "email": "%s", "country": "DE", "company": "Hoffmann AG",
                 "source": "website", "action": "whitepaper"}
                """
                    .formatted(UUID.randomUUID(), email))
            .body()
            .get("id")
            .asText();
    JsonNode before = awaitLead(first, AccordClient.DEMO_KEY);

    String other =
        accord
            .postLead(
                """
                {"externalId": "%s", "email": "%s", "country": "DE", "firstName": "Mallory",
                 "company": "Someone Else GmbH", "phone": "+49 30 1234567",
                 "industry": "Banking", "message": "Send everything to me",
                 "attributes": {"plan": "enterprise"}}
                """
                    .formatted(UUID.randomUUID(), email),
                "Bearer " + ChannelsIT.OTHER_KEY)
            .body()
            .get("id")
            .asText();
    JsonNode merged =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> accord.get("/api/leads/" + first, AccordClient.DEMO_KEY).body(),
                lead -> lead.at("/intake/engagements").asInt() == 2);

    assertThat(merged.at("/contact/company").asText()).isEqualTo("Hoffmann AG");
    assertThat(merged.at("/contact/firstName").isMissingNode()).isTrue();
    assertThat(merged.at("/contact/phone").isMissingNode()).isTrue();
    assertThat(merged.at("/contact/industry").isMissingNode()).isTrue();
    assertThat(merged.at("/intake/attributes").size()).isZero();
    // Coming back counts (15 points); the other source's plan does not.
    assertThat(merged.at("/score/engagement").asInt())
        .isEqualTo(before.at("/score/engagement").asInt() + 15);
    assertThat(merged.at("/score/fit").asInt()).isEqualTo(before.at("/score/fit").asInt());
    assertThat(merged.at("/assignment/rep/id").asText())
        .isEqualTo(before.at("/assignment/rep/id").asText());
    assertThat(lastOfType(merged, "MERGED"))
        .isEqualTo(
            "Came in again from other-source by api; engagement 2 of this person, merged instead"
                + " of a second lead; as engagement only, the lead keeps the fields demo-web"
                + " sent");
    assertThat(merged.toString()).doesNotContain("Send everything to me");
    AccordClient.Answer asOtherSource = accord.get("/api/leads/" + other, ChannelsIT.OTHER_KEY);
    assertThat(asOtherSource.body().get("status").asText()).isEqualTo("MERGED");
  }

  @Test
  void aPersonsSecondSubmissionFromTheSameSourceFillsTheBlanksOfTheirLead() {
    String email = unique("same-source");
    String first = postLead(AccordClient.DEMO_KEY, email, "website");
    awaitLead(first, AccordClient.DEMO_KEY);

    accord.postLead(
        """
        {"externalId": "%s", "email": "%s", "country": "DE", "firstName": "Greta",
         "company": "Someone Else GmbH", "attributes": {"plan": "enterprise"}}
        """
            .formatted(UUID.randomUUID(), email));
    JsonNode merged =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> accord.get("/api/leads/" + first, AccordClient.DEMO_KEY).body(),
                lead -> lead.at("/intake/engagements").asInt() == 2);

    assertThat(merged.at("/contact/firstName").asText()).isEqualTo("Greta");
    assertThat(merged.at("/contact/company").asText()).isEqualTo("Hoffmann Maschinenbau");
    assertThat(merged.at("/intake/attributes/plan").asText()).isEqualTo("enterprise");
  }

  @Test
  void theScorecardNeedsAnOperatorKeyAndAnIntakeKeyIsToldSo() {
    AccordClient.Answer bySource = accord.get("/api/sla/scorecard", AccordClient.DEMO_KEY);
    AccordClient.Answer byOperator = accord.get("/api/sla/scorecard", ChannelsIT.OPERATOR_KEY);

    assertOperatorsOnly(bySource);
    assertThat(byOperator.status()).isEqualTo(200);
    assertThat(byOperator.body().get("sides")).isNotEmpty();
  }

  @Test
  void theRulebookItsVersionsTheirDiffsAndSimulationsNeedAnOperatorKey() {
    JsonNode versions = accord.get("/api/rules/versions", ChannelsIT.OPERATOR_KEY).body();
    String live = versions.at("/0/version").asText();
    String diff = "/api/rules/versions/" + live + "/diff/" + live;
    String lead = "{\"email\": \"simulated@example.de\", \"country\": \"DE\"}";

    assertOperatorsOnly(accord.get("/api/rules", AccordClient.DEMO_KEY));
    assertOperatorsOnly(accord.get("/api/rules/versions", AccordClient.DEMO_KEY));
    assertOperatorsOnly(accord.get(diff, ChannelsIT.OTHER_KEY));
    assertOperatorsOnly(accord.post("/api/rules/simulate", lead, AccordClient.DEMO_KEY));
    assertThat(live).startsWith("sha256:");
    assertThat(accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText())
        .isEqualTo(live);
    assertThat(accord.get(diff, ChannelsIT.OPERATOR_KEY).status()).isEqualTo(200);
    assertThat(accord.post("/api/rules/simulate", lead, ChannelsIT.OPERATOR_KEY).status())
        .isEqualTo(200);
  }

  @Test
  void theDemoOperatorKeyIsAnOperatorsWhileDemoModeIsOn() {
    // The IT server runs in demo mode; without it the key is unknown (AccordSettingsTest).
    AccordClient.Answer scorecard =
        accord.get("/api/sla/scorecard", "demo-operator-7d2e9b41c6a0f385");

    assertThat(scorecard.status()).isEqualTo(200);
  }

  private static void assertOperatorsOnly(AccordClient.Answer answer) {
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().get("type").asText()).isEqualTo(OPERATORS_ONLY);
    assertThat(answer.body().get("detail").asText())
        .isEqualTo("This needs an operator key (accord.operator.keys).");
  }

  private String postLead(String key, String email, String source) {
    AccordClient.Answer accepted =
        accord.postLead(
            """
            {"externalId": "%s", "email": "%s", "lastName": "Hoffmann",
             "company": "Hoffmann Maschinenbau", "title": "VP of Operations", "employees": 800,
             "country": "DE", "source": "%s", "action": "demo"}
            """
                .formatted(UUID.randomUUID(), email, source),
            "Bearer " + key);
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
    return accepted.body().get("id").asText();
  }

  private JsonNode awaitLead(String id, String key) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> accord.get("/api/leads/" + id, key), answer -> answer.status() == 200)
        .body();
  }

  private AccordClient.Answer activity(String id, String type, String by, String key) {
    return accord.post(
        "/api/leads/" + id + "/activities",
        "{\"type\": \"" + type + "\", \"by\": \"" + by + "\"}",
        key);
  }

  private static String unique(String name) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.de";
  }

  /** What the lead's history says of its activities, oldest first. */
  private static List<String> activityDetails(JsonNode lead) {
    List<String> details = new ArrayList<>();
    lead.get("history")
        .forEach(
            event -> {
              if (event.get("type").asText().equals("ACTIVITY")) {
                details.add(event.get("detail").asText());
              }
            });
    return details;
  }

  private static String lastOfType(JsonNode lead, String type) {
    String last = null;
    for (JsonNode event : lead.get("history")) {
      if (event.get("type").asText().equals(type)) {
        last = event.get("detail").asText();
      }
    }
    return last;
  }

  private static List<String> stages(JsonNode clock) {
    List<String> stages = new ArrayList<>();
    clock
        .get("escalations")
        .forEach(
            e -> {
              if (!stages.contains(e.get("stage").asText())) {
                stages.add(e.get("stage").asText());
              }
            });
    return stages;
  }

  private static JsonNode firstTouchClock(JsonNode lead) {
    return StreamSupport.stream(lead.get("slaClocks").spliterator(), false)
        .filter(clock -> clock.get("name").asText().equals("First touch"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no First touch clock in " + lead));
  }
}
