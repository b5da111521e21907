package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.accord.it.Alerts.Alert;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The sales organisation is data: an operator sends Priya out of office, Jonas away and caps Ana's
 * open leads through the API; the next lead goes to the one rep who can take it, the one after
 * waits in the team's queue with every rep's reason in its receipt, and the team's manager hears of
 * it. No restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RepAvailabilityIT {

  private static final String EMEA_MANAGER = "elena.fischer@accord.example";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup(3125, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void repsOutOfOfficeAwayOrAtCapacityAreSkippedAndTheLastLeadWaitsInTheTeamQueue() {
    Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String absence = null;
    String waitingId;
    try {
      JsonNode priya =
          accord
              .operator(
                  "POST",
                  "/api/organisation/reps/priya.nair/absences",
                  """
              {"from": "%s", "to": "%s", "note": "Conference in Lisbon"}
              """
                      .formatted(Instant.now().minus(1, ChronoUnit.MINUTES), until))
              .json();
      absence = priya.at("/absences/0/id").asText();
      JsonNode jonas =
          accord
              .operator("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": false}")
              .json();
      long anaOpen = accord.rep("ana.costa").get("openLeads").asLong();
      JsonNode ana =
          accord
              .operator(
                  "PUT",
                  "/api/organisation/reps/ana.costa",
                  "{\"maxOpenLeads\": " + (anaOpen + 1) + "}")
              .json();

      assertThat(priya.get("takesLeadsNow").asBoolean()).isFalse();
      assertThat(priya.get("whyNot").asText())
          .isEqualTo("out of office until " + until + " (Conference in Lisbon)");
      assertThat(jonas.get("whyNot").asText()).isEqualTo("away");
      assertThat(ana.get("takesLeadsNow").asBoolean()).isTrue();
      assertThat(ana.get("maxOpenLeads").asLong()).isEqualTo(anaOpen + 1);

      JsonNode first = accord.awaitLead(postEmeaLead("Marta", "Kowalska"));
      JsonNode second = accord.awaitLead(postEmeaLead("Lukas", "Brandt"));

      assertThat(first.get("status").asText()).isEqualTo("ROUTED");
      assertThat(first.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
      assertThat(second.get("status").asText()).isEqualTo("UNROUTED");
      assertThat(second.at("/assignment/team/id").asText()).isEqualTo("emea");
      Map<String, String> skipped = new HashMap<>();
      second
          .at("/assignment/candidates")
          .forEach(c -> skipped.put(c.get("repId").asText(), c.get("reason").asText()));
      assertThat(skipped)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "ana.costa",
                  "at capacity: " + (anaOpen + 1) + " of " + (anaOpen + 1) + " open leads",
                  "jonas.weber",
                  "away",
                  "priya.nair",
                  "out of office until " + until + " (Conference in Lisbon)"));
      String secondId = second.get("id").asText();
      waitingId = secondId;
      JsonNode queue = accord.operator("GET", "/api/routing/queue?queue=emea", null).json();
      assertThat(
              StreamSupport.stream(queue.get("leads").spliterator(), false)
                  .filter(lead -> lead.get("id").asText().equals(secondId))
                  .map(lead -> lead.get("reason").asText())
                  .toList())
          .containsExactly("No rep of team EMEA is available");
      List<Alert> alerts =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> Alerts.aboutLead(MAIL.getReceivedMessages(), secondId),
                  found -> !found.isEmpty());
      assertThat(alerts)
          .extracting(Alert::to, Alert::subject)
          .containsExactly(
              tuple(
                  EMEA_MANAGER,
                  "[Accord] UNOWNED: Lukas Brandt (Brandt Werkzeuge) — waits in the emea queue"));
    } finally {
      accord.operator("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": true}");
      accord.operator("PUT", "/api/organisation/reps/ana.costa", "{\"maxOpenLeads\": null}");
      if (absence != null) {
        accord.operator("DELETE", "/api/organisation/reps/priya.nair/absences/" + absence, null);
      }
    }
    assertThat(accord.rep("priya.nair").get("takesLeadsNow").asBoolean()).isTrue();
    assertThat(accord.rep("jonas.weber").get("takesLeadsNow").asBoolean()).isTrue();

    // Everyone is back: an operator has the rotation take the waiting lead out of the queue.
    JsonNode taken =
        accord
            .operator(
                "POST",
                "/api/leads/" + waitingId + "/assignment/reroute",
                "{\"reason\": \"the team is back\"}")
            .json();
    assertThat(taken.get("status").asText()).isEqualTo("ROUTED");
    assertThat(taken.at("/assignment/rep/id").asText())
        .isIn("ana.costa", "jonas.weber", "priya.nair");
    assertThat(accord.operator("GET", "/api/routing/queue?queue=emea", null).json().toString())
        .doesNotContain(waitingId);
    assertThat(accord.rep("ana.costa").has("maxOpenLeads")).as("no cap").isFalse();
  }

  @Test
  void aRepAtTheirCapForAGradeIsSkippedForThatGradeAndStillTakesOthers() throws Exception {
    long openD = openLeadsOfGrade("ana.costa", "D");
    try {
      accord.operator("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": false}");
      accord.operator("PUT", "/api/organisation/reps/priya.nair", "{\"available\": false}");
      JsonNode ana =
          accord
              .operator(
                  "PUT",
                  "/api/organisation/reps/ana.costa",
                  "{\"maxOpenLeadsByGrade\": {\"D\": " + (openD + 1) + "}}")
              .json();
      assertThat(ana.get("maxOpenLeadsByGrade").toString())
          .isEqualTo("{\"D\":" + (openD + 1) + "}");

      JsonNode lastD = accord.awaitLead(postGradeDLead());
      JsonNode overD = accord.awaitLead(postGradeDLead());
      JsonNode gradeA = accord.awaitLead(postGradeALead());

      assertThat(lastD.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
      assertThat(overD.get("status").asText()).isEqualTo("UNROUTED");
      assertThat(Receipts.reasons(overD))
          .containsEntry(
              "ana.costa",
              "at capacity for grade D: "
                  + (openD + 1)
                  + " of "
                  + (openD + 1)
                  + " open grade D leads");
      assertThat(gradeA.at("/score/grade").asText()).isEqualTo("A");
      assertThat(gradeA.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
    } finally {
      accord.operator(
          "PUT", "/api/organisation/reps/ana.costa", "{\"maxOpenLeadsByGrade\": {\"D\": null}}");
      accord.operator("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": true}");
      accord.operator("PUT", "/api/organisation/reps/priya.nair", "{\"available\": true}");
    }
    assertThat(accord.rep("ana.costa").get("maxOpenLeadsByGrade").toString()).isEqualTo("{}");
  }

  @Test
  void aReturningPersonStaysWithTheirRepWhenTheRescoreRaisesTheGradePastTheRepsCap()
      throws Exception {
    String email = "returning.%s@example.de".formatted(UUID.randomUUID());
    try {
      accord.operatorOk("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": false}");
      accord.operatorOk("PUT", "/api/organisation/reps/priya.nair", "{\"available\": false}");
      JsonNode first =
          accord.awaitLead(
              accord
                  .postLead("{\"email\": \"%s\", \"country\": \"DE\"}".formatted(email))
                  .body()
                  .get("id")
                  .asText());
      assertThat(first.at("/score/grade").asText()).isEqualTo("D");
      assertThat(first.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
      long openA = openLeadsOfGrade("ana.costa", "A");
      JsonNode ana =
          accord.operatorOk(
              "PUT",
              "/api/organisation/reps/ana.costa",
              "{\"maxOpenLeadsByGrade\": {\"A\": " + openA + "}}");
      assertThat(ana.get("maxOpenLeadsByGrade").toString()).isEqualTo("{\"A\":" + openA + "}");

      accord.postLead(
          """
          {"email": "%s", "country": "DE", "title": "VP Sales", "employees": 800,
           "action": "demo"}
          """
              .formatted(email));
      JsonNode merged =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> accord.getLead(first.get("id").asText()).body(),
                  lead -> lead.at("/intake/engagements").asInt() == 2);
      // The others are back: the next new A lead passes Ana by, who now holds one over her cap.
      accord.operatorOk("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": true}");
      accord.operatorOk("PUT", "/api/organisation/reps/priya.nair", "{\"available\": true}");
      JsonNode next = accord.awaitLead(postGradeALead());

      assertThat(merged.at("/score/grade").asText()).isEqualTo("A");
      assertThat(merged.get("status").asText()).isEqualTo("ROUTED");
      assertThat(merged.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
      assertThat(openLeadsOfGrade("ana.costa", "A")).as("one over her cap").isEqualTo(openA + 1);
      assertThat(Receipts.historyTypes(merged))
          .containsSubsequence("ASSIGNED", "MERGED", "RESCORED")
          .doesNotContain("REROUTED");
      assertThat(next.at("/assignment/rep/id").asText()).isIn("jonas.weber", "priya.nair");
      assertThat(Receipts.reasons(next))
          .containsEntry(
              "ana.costa",
              "at capacity for grade A: " + (openA + 1) + " of " + openA + " open grade A leads");
      // Touched, so their first-touch clocks do not move them to another rep during later tests.
      touch(merged);
      touch(next);
    } finally {
      accord.operator(
          "PUT", "/api/organisation/reps/ana.costa", "{\"maxOpenLeadsByGrade\": {\"A\": null}}");
      accord.operator("PUT", "/api/organisation/reps/jonas.weber", "{\"available\": true}");
      accord.operator("PUT", "/api/organisation/reps/priya.nair", "{\"available\": true}");
    }
  }

  private void touch(JsonNode lead) {
    AccordClient.Answer touched =
        accord.postActivity(
            lead.get("id").asText(),
            "{\"type\": \"touch\", \"by\": \""
                + lead.at("/assignment/rep/id").asText()
                + "\", \"note\": \"Called back\"}");
    assertThat(touched.status()).isEqualTo(201);
  }

  /** What the rep holds of the grade, read from the server's database beside it. */
  private static long openLeadsOfGrade(String repId, String grade) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + System.getProperty("accord.it.base.dir")
                    + "/data/accord/accord;AUTO_SERVER=TRUE",
                "sa",
                "sa");
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from sales_lead where rep_id = ? and grade = ?"
                    + " and status in ('ROUTED', 'ACCEPTED')")) {
      count.setString(1, repId);
      count.setString(2, grade);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private String postGradeDLead() {
    return accord
        .postLead(
            "{\"email\": \"capped.%s@example.de\", \"country\": \"DE\"}"
                .formatted(UUID.randomUUID()))
        .body()
        .get("id")
        .asText();
  }

  private String postGradeALead() {
    return accord
        .postLead(
            """
            {"email": "greta.%s@example.de", "country": "DE", "title": "VP Sales",
             "employees": 800, "action": "demo"}
            """
                .formatted(UUID.randomUUID()))
        .body()
        .get("id")
        .asText();
  }

  @Test
  void outOfOfficePeriodsAreImportedFromCsvAllOrNoneAndOnlyOnce() {
    Instant from = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Instant until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    int absencesBefore = accord.rep("priya.nair").get("absences").size();
    String period = "priya.nair," + from + "," + until + ",Offsite in Porto\n";
    try {
      AccordClient.Raw refused =
          importAbsences(
              "rep,from,to,note\n"
                  + period
                  + "nobody,"
                  + from
                  + ","
                  + until
                  + ",\n"
                  + "jonas.weber,tomorrow,"
                  + until
                  + ",\n");
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("errors").toString())
          .isEqualTo(
              "[{\"field\":\"row 3: rep\",\"reason\":\"no rep has the id 'nobody'\"},"
                  + "{\"field\":\"row 4: from\",\"reason\":\"'tomorrow' is not an instant such"
                  + " as 2026-12-01T08:00:00Z\"}]");
      assertThat(accord.rep("priya.nair").get("absences").size()).isEqualTo(absencesBefore);

      AccordClient.Raw imported = importAbsences("rep,from,to,note\n" + period);
      AccordClient.Raw again = importAbsences("rep,from,to,note\n" + period);

      assertThat(imported.json().toString()).isEqualTo("{\"added\":1}");
      assertThat(again.json().toString()).isEqualTo("{\"added\":0}");
      JsonNode priya = accord.rep("priya.nair");
      assertThat(priya.get("absences").size()).isEqualTo(absencesBefore + 1);
      assertThat(priya.get("whyNot").asText())
          .isEqualTo("out of office until " + until + " (Offsite in Porto)");
    } finally {
      accord
          .rep("priya.nair")
          .get("absences")
          .forEach(
              absence -> {
                if (absence.path("note").asText().equals("Offsite in Porto")) {
                  accord.operator(
                      "DELETE",
                      "/api/organisation/reps/priya.nair/absences/" + absence.get("id").asText(),
                      null);
                }
              });
    }
    assertThat(accord.rep("priya.nair").get("takesLeadsNow").asBoolean()).isTrue();
  }

  @Test
  void aChangeThatMakesNoSenseIsRefusedNamingTheField() {
    AccordClient.Raw zeroCap =
        accord.operator("PUT", "/api/organisation/reps/ana.costa", "{\"maxOpenLeads\": 0}");
    AccordClient.Raw unknownSetting =
        accord.operator(
            "PUT",
            "/api/organisation/reps/ana.costa",
            "{\"weight\": \"heavy\", \"active\": \"no\"}");
    AccordClient.Raw backwards =
        accord.operator(
            "POST",
            "/api/organisation/reps/ana.costa/absences",
            "{\"from\": \"2026-12-02T08:00:00Z\", \"to\": \"2026-12-01T08:00:00Z\"}");
    AccordClient.Raw nobody =
        accord.operator("PUT", "/api/organisation/reps/nobody", "{\"available\": false}");
    AccordClient.Answer bySource = accord.get("/api/organisation/reps");

    assertThat(zeroCap.status()).isEqualTo(400);
    assertThat(zeroCap.json().at("/errors/0").toString())
        .isEqualTo(
            "{\"field\":\"maxOpenLeads\",\"reason\":\"must be a whole number from 1 to 10000, or"
                + " null for no cap\"}");
    assertThat(unknownSetting.status()).isEqualTo(400);
    assertThat(unknownSetting.json().get("errors").toString())
        .contains(
            "{\"field\":\"weight\",\"reason\":\"must be a whole number (1 is a normal share)\"}",
            "{\"field\":\"active\",\"reason\":\"must be true or false\"}");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().at("/errors/0").toString())
        .isEqualTo("{\"field\":\"to\",\"reason\":\"must be after from\"}");
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(bySource.status()).isEqualTo(403);
    assertThat(accord.rep("ana.costa").has("maxOpenLeads")).as("no cap").isFalse();
  }

  private String postEmeaLead(String first, String last) {
    return accord
        .postLead(
            """
            {"email": "%s.%s@example.de", "firstName": "%s", "lastName": "%s",
             "company": "%s Werkzeuge", "country": "DE"}
            """
                .formatted(first.toLowerCase(), UUID.randomUUID(), first, last, last))
        .body()
        .get("id")
        .asText();
  }

  private AccordClient.Raw importAbsences(String csv) {
    return accord.operator("POST", "/api/organisation/reps/absences/import", "text/csv", csv);
  }
}
