package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A lead's way in over HTTP: accepted, queued, decided, persisted; or refused with reasons. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeadIntakeIT {

  private final AccordClient accord = new AccordClient();

  @ArquillianResource ManagementClient management;

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aDemoRequestFromAGermanVicePresidentIsGradedAAndAssignedInEmea() {
    // A new person each run: the same e-mail again would merge into the earlier run's lead.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    AccordClient.Answer accepted =
        accord.postLead(
            """
            {"externalId": "%s", "email": "  Greta.Hoffmann+%s@Example.DE ", "firstName": "Greta",
             "lastName": "Hoffmann", "company": "Hoffmann Maschinenbau GmbH",
             "title": "VP of Operations", "employees": 800, "country": "Germany",
             "source": "webinar", "action": "demo"}
            """
                .formatted(UUID.randomUUID(), tag));

    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    assertThat(accepted.location())
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/leads/" + id));

    JsonNode lead = accord.awaitLead(id);
    assertThat(lead.at("/status").asText()).isEqualTo("ROUTED");
    assertThat(lead.at("/contact/email").asText())
        .isEqualTo("greta.hoffmann+" + tag + "@example.de");
    assertThat(lead.at("/contact/country").asText()).isEqualTo("DE");
    assertThat(lead.at("/score/grade").asText()).isEqualTo("A");
    assertThat(lead.at("/score/fit").asInt()).isPositive();
    assertThat(lead.at("/score/engagement").asInt()).isPositive();
    assertThat(lead.at("/score/reasons")).isNotEmpty();
    lead.at("/score/reasons")
        .forEach(
            reason -> {
              assertThat(reason.get("rule").asText()).isNotBlank();
              assertThat(reason.get("concern").asText()).isIn("FIT", "ENGAGEMENT", "GRADE");
            });
    assertThat(lead.at("/score/rulebookVersion").asText()).startsWith("sha256:");
    assertThat(lead.at("/assignment/team/id").asText()).isEqualTo("emea");
    assertThat(lead.at("/assignment/reasons/0/rule").asText()).isNotBlank();
    assertThat(lead.at("/assignment/rep/id").asText())
        .isIn("ana.costa", "jonas.weber", "priya.nair");
    assertThat(lead.at("/assignment/candidates")).hasSize(3);
    assertThat(lead.at("/history/0/type").asText()).isEqualTo("RECEIVED");
  }

  @Test
  void consecutiveLeadsForOneTeamRotateThroughEveryRep() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id =
          accord
              .postLead(
                  """
                  {"externalId": "%s", "email": "buyer%d@example.com", "country": "US",
                   "title": "Director of IT", "action": "pricing"}
                  """
                      .formatted(UUID.randomUUID(), i))
              .body()
              .get("id")
              .asText();
      // one at a time, so the rotation order is the order we sent them in
      accord.awaitLead(id);
      ids.add(id);
    }

    var reps = new HashSet<String>();
    ids.forEach(id -> reps.add(accord.getLead(id).body().at("/assignment/rep/id").asText()));
    assertThat(reps).containsExactlyInAnyOrder("maria.gonzalez", "tom.becker", "lucas.silva");
  }

  @Test
  void anInvalidLeadIsRefusedWithEveryBadFieldAndNothingIsQueued() {
    Broker broker = new Broker(management);
    long queuedBefore = broker.messagesAdded(Broker.LEADS_QUEUE);

    AccordClient.Answer refused =
        accord.postLead(
            """
            {"externalId": "%s", "email": "not-an-email", "country": "Atlantis",
             "company": "%s"}
            """
                .formatted(UUID.randomUUID(), "x".repeat(201)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("status").asInt()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    refused.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("email", "country", "company");
    refused.body().get("errors").forEach(e -> assertThat(e.get("reason").asText()).isNotBlank());
    assertThat(broker.messagesAdded(Broker.LEADS_QUEUE)).isEqualTo(queuedBefore);
  }

  @Test
  void malformedJsonIsRefusedNamingTheBody() {
    AccordClient.Answer refused = accord.postLead("{\"email\": \"a@example.com\", ");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("body");
  }

  @Test
  void anOversizedSubmissionIsRefusedUnread() {
    AccordClient.Answer refused =
        accord.postLead(
            "{\"email\": \"a@example.com\", \"country\": \"DE\", \"title\": \"%s\"}"
                .formatted("x".repeat(70_000)));

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("body");
  }

  @Test
  void withoutAValidIntakeKeyNobodySendsOrReadsLeads() {
    String lead = "{\"email\": \"a@example.com\", \"country\": \"DE\"}";
    String id = accord.postLead(lead).body().get("id").asText();

    AccordClient.Answer withoutKey = accord.postLead(lead, null);
    AccordClient.Answer withWrongKey = accord.postLead(lead, "Bearer not-the-key");
    AccordClient.Answer readWithoutKey = accord.getLead(id, null);

    assertThat(withoutKey.status()).isEqualTo(401);
    assertThat(withoutKey.contentType()).startsWith("application/problem+json");
    assertThat(withWrongKey.status()).isEqualTo(401);
    assertThat(readWithoutKey.status()).isEqualTo(401);
  }

  @Test
  void theSameExternalIdSentTwiceIsOneLead() {
    String externalId = UUID.randomUUID().toString();
    String json =
        """
        {"externalId": "%s", "email": "twice@example.com", "country": "FR", "action": "demo"}
        """
            .formatted(externalId);

    String first = accord.postLead(json).body().get("id").asText();
    accord.awaitLead(first);
    AccordClient.Answer repeat = accord.postLead(json);

    assertThat(repeat.status()).isEqualTo(202);
    assertThat(repeat.body().get("id").asText()).isEqualTo(first);
    // the repeat was consumed too, and changed nothing but the first lead's history
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode history = accord.getLead(first).body().get("history");
              List<String> types = new ArrayList<>();
              history.forEach(e -> types.add(e.get("type").asText()));
              assertThat(types).containsOnlyOnce("RECEIVED", "ASSIGNED").contains("RESUBMITTED");
            });
  }
}
