package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accord.it.Alerts.Alert;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The joint SLA end to end in a real WildFly with a real mail server: a lead whose clock runs out
 * warns its rep, then its rep and manager, and its breach reaches both department heads once; a
 * touch in time stops the clock with no mail; a mail server that is down delays alerts, never loses
 * or doubles them. The test rulebook's term gives leads from source "sla-it" 6 seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlaEscalationIT {

  private static final String HEAD_OF_SALES = "head.of.sales@accord.example";
  private static final String HEAD_OF_MARKETING = "head.of.marketing@accord.example";
  private static final String EMEA_MANAGER = "elena.fischer@accord.example";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static ChatWebhook chat;

  private final AccordClient accord = new AccordClient();

  @ArquillianResource ManagementClient management;

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
  void anUntouchedLeadWarnsItsRepThenItsManagerAndItsBreachReachesBothHeadsOnce() {
    String id = postTestLead("Greta", "Hoffmann");
    JsonNode routed = accord.awaitLead(id);
    String rep = routed.at("/assignment/rep/id").asText();
    String repName = routed.at("/assignment/rep/name").asText();

    JsonNode lead = awaitEveryEscalationSent(id, 3);

    JsonNode clock = firstTouchClock(lead);
    assertThat(clock.get("owner").asText()).isEqualTo("SALES");
    assertThat(clock.get("target").asText()).isEqualTo("PT6S");
    assertThat(clock.get("calendar").asText()).isEqualTo("around-the-clock");
    assertThat(clock.get("state").asText()).isEqualTo("BREACHED");
    assertThat(clock.get("stage").asText()).isEqualTo("breach");
    assertThat(types(clock.get("events")))
        .containsExactly("STARTED", "WARNING", "WARNING", "BREACH", "OWNER_CHANGED");
    assertThat(clock.at("/breach/cause").asText()).isEqualTo("MISSING_DATA");
    assertThat(clock.at("/breach/waitingForOwner").asText()).isEqualTo("PT0S");
    assertThat(Duration.parse(clock.at("/breach/withOwner").asText())).isPositive();
    assertThat(clock.get("escalations"))
        .extracting(
            e -> e.get("stage").asText(),
            e -> e.get("recipient").asText(),
            e -> e.get("channel").asText(),
            e -> e.get("status").asText())
        .containsExactlyInAnyOrder(
            tuple("warning-50", "REP", "EMAIL", "SENT"),
            tuple("warning-50", "TOPIC", "JMS", "SENT"),
            tuple("warning-50", "WEBHOOK", "WEBHOOK", "SENT"),
            tuple("warning-75", "REP", "EMAIL", "SENT"),
            tuple("warning-75", "MANAGER", "EMAIL", "SENT"),
            tuple("warning-75", "TOPIC", "JMS", "SENT"),
            tuple("warning-75", "WEBHOOK", "WEBHOOK", "SENT"),
            tuple("breach", "HEAD_OF_SALES", "EMAIL", "SENT"),
            tuple("breach", "HEAD_OF_MARKETING", "EMAIL", "SENT"),
            tuple("breach", "TOPIC", "JMS", "SENT"),
            tuple("breach", "WEBHOOK", "WEBHOOK", "SENT"));
    List<String> chatMessages =
        chat.posts().stream()
            .map(post -> post.body().get("text").asText())
            .filter(text -> text.contains("/api/leads/" + id))
            .toList();
    assertThat(chatMessages).hasSize(3);
    assertThat(chatMessages.get(2))
        .startsWith(
            ":rotating_light: *SALES breached \"First touch\" for Greta Hoffmann (Hoffmann"
                + " Maschinenbau)*");

    List<Alert> alerts = Alerts.aboutLead(MAIL.getReceivedMessages(), id);
    assertThat(alerts)
        .extracting(Alert::to, Alert::stage)
        .containsExactlyInAnyOrder(
            tuple(rep + "@accord.example", "warning-50"),
            tuple(rep + "@accord.example", "warning-75"),
            tuple(EMEA_MANAGER, "warning-75"),
            tuple(HEAD_OF_SALES, "breach"),
            tuple(HEAD_OF_MARKETING, "breach"));
    Alert breachToSales =
        alerts.stream().filter(a -> a.to().equals(HEAD_OF_SALES)).findFirst().orElseThrow();
    assertThat(breachToSales.subject())
        .isEqualTo(
            "[Accord] BREACH: First touch — Greta Hoffmann (Hoffmann Maschinenbau) — owed by SALES");
    assertThat(breachToSales.text())
        .contains("SALES breached \"First touch\" for Greta Hoffmann (Hoffmann Maschinenbau)")
        .contains("Owed by: SALES, owner " + repName)
        .contains("Target: 6 s of business time (around-the-clock calendar)")
        .contains("Cause: missing data")
        .contains("Lead record: http://localhost:8180/api/leads/" + id);

    // The term re-routes a breached lead to the next rep of the team.
    assertThat(lead.at("/assignment/rep/id").asText()).isNotEqualTo(rep);
    assertThat(types(lead.get("history"))).containsSubsequence("ASSIGNED", "REROUTED");
  }

  @Test
  void aLeadTouchedInTimeStopsItsClockAndSendsNoMail() {
    String touchedId = postTestLead("Tara", "Touched");
    String untouchedId = postTestLead("Uwe", "Untouched");
    String rep = accord.awaitLead(touchedId).at("/assignment/rep/id").asText();

    AccordClient.Answer touched =
        accord.postActivity(
            touchedId,
            "{\"type\": \"touch\", \"by\": \"" + rep + "\", \"note\": \"Left a voicemail\"}");

    assertThat(touched.status()).isEqualTo(201);
    JsonNode clock = firstTouchClock(touched.body());
    assertThat(clock.get("state").asText()).isEqualTo("MET");
    assertThat(types(clock.get("events"))).containsExactly("STARTED", "MET");
    assertThat(touched.body().at("/history/3/detail").asText())
        .isEqualTo("touch by " + rep + ": Left a voicemail");

    // Once the lead posted with it has breached and been escalated, the touched one would have too.
    awaitEveryEscalationSent(untouchedId, 3);
    assertThat(Alerts.aboutLead(MAIL.getReceivedMessages(), touchedId)).isEmpty();
    JsonNode touchedLater = accord.getLead(touchedId).body();
    assertThat(firstTouchClock(touchedLater).get("state").asText()).isEqualTo("MET");
    assertThat(firstTouchClock(touchedLater).get("escalations")).isEmpty();
  }

  @Test
  void anActivityWithMistakesIsRefusedNamingEachFieldAndChangesNothing() {
    String id = postTestLead("Mia", "Mistake");
    accord.awaitLead(id);

    // An operator names the rep; a source's key is refused any name but its own (KeyScopeIT).
    AccordClient.Answer wrong =
        accord.post(
            "/api/leads/" + id + "/activities",
            "{\"type\": \"wave\", \"by\": \"ana.costa\", \"at\": \"yesterday\"}",
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer rejectWithoutReason =
        accord.post(
            "/api/leads/" + id + "/activities",
            "{\"type\": \"reject\", \"by\": \"nobody\"}",
            ChannelsIT.OPERATOR_KEY);

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.body().get("errors"))
        .extracting(e -> e.get("field").asText(), e -> e.get("reason").asText())
        .containsExactly(
            tuple(
                "type",
                "'wave' is not an activity; one of [touch, connect, accept, reject, disqualify,"
                    + " convert, pause, resume, complete-data]"),
            tuple(
                "at",
                "'yesterday' is not an ISO-8601 time with offset, such as"
                    + " 2026-11-30T09:15:00+01:00"));
    assertThat(rejectWithoutReason.status()).isEqualTo(400);
    assertThat(rejectWithoutReason.body().get("errors"))
        .extracting(e -> e.get("field").asText(), e -> e.get("reason").asText())
        .containsExactly(
            tuple("by", "'nobody' is not a rep"),
            tuple(
                "reasonCode",
                "is required to reject a lead; one of [bad-contact-data, competitor, duplicate,"
                    + " no-authority, no-budget, not-a-fit, student-or-job-seeker]"));
    JsonNode lead = accord.getLead(id).body();
    assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
    assertThat(types(lead.get("history"))).doesNotContain("ACTIVITY");
  }

  @Test
  void alertsWaitWhileTheMailServerIsDownAndGoOutOnceWhenItIsBack() {
    MAIL.stop();
    String id = postTestLead("Dora", "Downtime");
    accord.awaitLead(id);

    JsonNode waiting =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> accord.getLead(id).body(),
                lead ->
                    StreamSupport.stream(
                            firstTouchClock(lead).get("escalations").spliterator(), false)
                        .anyMatch(
                            e ->
                                e.get("recipient").asText().equals("HEAD_OF_SALES")
                                    && e.get("attempts").asInt() >= 2));
    // What went wrong is for operators: a channel's error can name the address.
    JsonNode headOfSales =
        StreamSupport.stream(
                firstTouchClock(accord.get("/api/leads/" + id, ChannelsIT.OPERATOR_KEY).body())
                    .get("escalations")
                    .spliterator(),
                false)
            .filter(e -> e.get("recipient").asText().equals("HEAD_OF_SALES"))
            .findFirst()
            .orElseThrow();
    assertThat(headOfSales.get("status").asText()).isEqualTo("PENDING");
    assertThat(headOfSales.get("lastError").asText()).contains("Connection refused");
    assertThat(accord.get("/api/sla/escalations/undelivered").status()).isEqualTo(403);
    assertThat(accord.get("/api/sla/escalations/undelivered", ChannelsIT.OPERATOR_KEY).body())
        .extracting(e -> e.get("id").asText())
        .contains(headOfSales.get("id").asText());

    MAIL.start();
    awaitEveryEscalationSent(id, 3);

    assertThat(Alerts.aboutLead(MAIL.getReceivedMessages(), id))
        .extracting(Alert::to, Alert::stage)
        .containsOnlyOnce(tuple(HEAD_OF_SALES, "breach"), tuple(HEAD_OF_MARKETING, "breach"))
        .hasSize(5);
  }

  @Test
  void clocksStillFireAfterTheServerWasSuspendedAndResumed() throws Exception {
    // An operator suspends the server for maintenance and resumes it: the loops that fire clocks
    // and send alerts must come back with it.
    execute(Operations.createOperation("suspend"));
    // Suspended for longer than several polls of the clock and outbox loops.
    await()
        .pollDelay(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                execute(
                        Operations.createReadAttributeOperation(
                            new ModelNode().setEmptyList(), "suspend-state"))
                    .asString(),
            "SUSPENDED"::equals);
    execute(Operations.createOperation("resume"));
    String id = postTestLead("Rita", "Resumed");
    accord.awaitLead(id);

    awaitEveryEscalationSent(id, 3);

    assertThat(Alerts.aboutLead(MAIL.getReceivedMessages(), id))
        .extracting(Alert::stage)
        .containsExactlyInAnyOrder("warning-50", "warning-75", "warning-75", "breach", "breach");
  }

  private ModelNode execute(ModelNode operation) throws IOException {
    ModelNode result = management.getControllerClient().execute(operation);
    assertThat(Operations.isSuccessfulOutcome(result)).as(result.toString()).isTrue();
    return Operations.readResult(result);
  }

  @Test
  void theScorecardCountsEachSidesClocksAndADisputeStaysWithTheBreach() {
    Instant periodStart = Instant.now();
    String touchedId = postTestLead("Sally", "Scored");
    String rejectedId = postTestLead("Rick", "Rejected");
    String touchingRep = accord.awaitLead(touchedId).at("/assignment/rep/id").asText();
    assertThat(
            accord
                .postActivity(touchedId, "{\"type\": \"touch\", \"by\": \"" + touchingRep + "\"}")
                .status())
        .isEqualTo(201);
    JsonNode breached = awaitEveryEscalationSent(rejectedId, 3);
    String breachingRep = breached.at("/assignment/rep/id").asText();
    AccordClient.Answer rejected =
        accord.postActivity(
            rejectedId,
            "{\"type\": \"reject\", \"by\": \""
                + breachingRep
                + "\", \"reasonCode\": \"no-budget\"}");
    assertThat(rejected.status()).isEqualTo(201);
    assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
    String clockId = firstTouchClock(rejected.body()).get("id").asText();
    String metClockId = firstTouchClock(accord.getLead(touchedId).body()).get("id").asText();

    AccordClient.Answer bySource =
        accord.post(
            "/api/sla/clocks/" + clockId + "/dispute",
            "{\"side\": \"SALES\", \"note\": \"An intake source may not dispute\"}");
    AccordClient.Answer disputed =
        accord.post(
            "/api/sla/clocks/" + clockId + "/dispute",
            "{\"side\": \"SALES\", \"note\": \"The lead came without a phone number\"}",
            ChannelsIT.OPERATOR_KEY);
    AccordClient.Answer notBreached =
        accord.post(
            "/api/sla/clocks/" + metClockId + "/dispute",
            "{\"side\": \"SALES\", \"note\": \"Nothing to dispute\"}",
            ChannelsIT.OPERATOR_KEY);
    JsonNode card =
        accord
            .get(
                "/api/sla/scorecard?from=" + periodStart + "&to=" + Instant.now().plusSeconds(1),
                ChannelsIT.OPERATOR_KEY)
            .body();

    assertThat(bySource.status()).isEqualTo(403);
    assertThat(disputed.status()).isEqualTo(200);
    JsonNode breach = firstTouchClock(disputed.body()).get("breach");
    assertThat(breach.get("disputedBy").asText()).isEqualTo("SALES");
    assertThat(breach.get("disputeNote").asText())
        .isEqualTo("The lead came without a phone number");
    assertThat(firstTouchClock(disputed.body()).get("state").asText()).isEqualTo("BREACHED");
    assertThat(notBreached.status()).isEqualTo(409);
    // Per lead: first touch, accept or reject and the follow-up cadence for SALES; handoff
    // completeness for MARKETING, as neither lead came with a phone number.
    assertThat(card.get("sides"))
        .extracting(
            side -> side.get("side").asText(),
            side -> side.at("/clocks/started").asInt(),
            side -> side.at("/clocks/met").asInt(),
            side -> side.at("/clocks/warned").asInt(),
            side -> side.at("/clocks/breached").asInt(),
            side -> side.at("/clocks/disputed").asInt(),
            side -> side.at("/clocks/open").asInt())
        .containsExactly(tuple("SALES", 6, 3, 1, 1, 1, 2), tuple("MARKETING", 2, 0, 0, 0, 0, 2));
    JsonNode emea =
        StreamSupport.stream(card.get("teams").spliterator(), false)
            .filter(team -> team.get("team").asText().equals("emea"))
            .findFirst()
            .orElseThrow();
    assertThat(emea.at("/firstTouch/touched").asInt()).isEqualTo(1);
    assertThat(emea.at("/firstTouch/untouched").asInt()).isEqualTo(1);
    assertThat(emea.at("/acceptance/accepted").asInt()).isZero();
    assertThat(emea.at("/acceptance/rejected").asInt()).isEqualTo(1);
    assertThat(emea.at("/acceptance/acceptedPercent").asDouble()).isZero();
    assertThat(emea.at("/acceptance/rejectReasons/no-budget").asInt()).isEqualTo(1);
    assertThat(emea.at("/marketing/mqlsDelivered").asInt()).isEqualTo(2);
    assertThat(emea.at("/marketing/leads").asInt()).isEqualTo(2);
    assertThat(emea.at("/marketing/completeHandoffs").asInt()).isZero();
    assertThat(emea.at("/marketing/acceptanceTargetPercent").asInt()).isEqualTo(60);
    // Marketing's monthly promises to the team are period clocks, opened for the current month.
    assertThat(emea.get("commitments"))
        .extracting(c -> c.get("kind").asText(), c -> c.get("promised").asInt())
        .contains(tuple("MQL_VOLUME", 40), tuple("ACCEPTANCE_SHARE", 60));
  }

  private String postTestLead(String firstName, String lastName) {
    AccordClient.Answer accepted =
        accord.postLead(
            """
            {"externalId": "%s", "email": "%s.%s+%s@example.de", "firstName": "%s", "lastName": "%s",
             "company": "Hoffmann Maschinenbau", "title": "VP of Operations", "employees": 800,
             "country": "DE", "source": "sla-it", "action": "demo"}
            """
                .formatted(
                    UUID.randomUUID(),
                    firstName,
                    lastName,
                    UUID.randomUUID().toString().substring(0, 8),
                    firstName,
                    lastName));
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.body().get("id").asText();
  }

  /** Waits until the first-touch clock fired {@code stages} stages and every alert went out. */
  private JsonNode awaitEveryEscalationSent(String id, int stages) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> accord.getLead(id).body(),
            lead -> {
              if (!lead.has("slaClocks")) {
                return false; // not routed yet
              }
              JsonNode clock = firstTouchClock(lead);
              List<String> fired = new ArrayList<>();
              clock.get("escalations").forEach(e -> fired.add(e.get("stage").asText()));
              return fired.stream().distinct().count() == stages
                  && StreamSupport.stream(clock.get("escalations").spliterator(), false)
                      .allMatch(e -> e.get("status").asText().equals("SENT"));
            });
  }

  private static JsonNode firstTouchClock(JsonNode lead) {
    return StreamSupport.stream(lead.get("slaClocks").spliterator(), false)
        .filter(clock -> clock.get("name").asText().equals("First touch"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no First touch clock in " + lead));
  }

  private static List<String> types(JsonNode events) {
    List<String> types = new ArrayList<>();
    events.forEach(event -> types.add(event.get("type").asText()));
    return types;
  }
}
