package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * A lead the consumer cannot process is retried, then kept in the dead-letter queue: accepted means
 * never lost. The rulebook under test holds a rule that triggers itself without end for one company
 * (see src/test/rulebook), the way a business user's faulty rule would: each attempt stops at the
 * rules' budget (the IT server allows 500 firings a decision) instead of pinning a consumer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLetterIT {

  private final AccordClient accord = new AccordClient();

  @ArquillianResource ManagementClient management;

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aLeadThatFailsEveryAttemptIsHeldWithItsReasonAndSaysSoAtItsAddress() {
    AccordClient.Answer accepted =
        accord.postLead(
            """
            {"externalId": "%s", "email": "cfo@brokenrule.com", "country": "DE",
             "company": "Broken Rule Inc"}
            """
                .formatted(UUID.randomUUID()));

    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> accord.getLead(id), answer -> answer.status() == 200)
            .body();
    assertThat(lead.get("status").asText()).isEqualTo("DEAD_LETTER");
    assertThat(lead.get("reason").asText())
        .isEqualTo(
            "Failed 3 delivery attempts; the last one: RuleBudgetExceededException: rule \"Test"
                + " fixture: leads from Broken Rule Inc make this rule trigger itself without end\""
                + " fired more than 500 times for one lead and was stopped; it probably triggers"
                + " itself again (update without no-loop)");
    String heldId = lead.get("heldInput").asText();
    JsonNode held = accord.get("/api/intake/held?kind=DEAD_LETTER").body().get("held");
    List<String> heldIds = new ArrayList<>();
    held.forEach(h -> heldIds.add(h.get("id").asText()));
    assertThat(heldIds).contains(heldId);
    // The dead-letter queue itself is emptied into the held inputs, in the same transaction.
    assertThat(new Broker(management).leadIdsIn(Broker.DEAD_LETTER_QUEUE)).doesNotContain(id);

    // Replaying it while the rule still fails sends it round once more and holds it again.
    AccordClient.Answer replayed = accord.post("/api/intake/held/" + heldId + "/replay", "");
    AccordClient.Answer again = accord.post("/api/intake/held/" + heldId + "/replay", "");

    assertThat(replayed.status()).isEqualTo(202);
    assertThat(replayed.body().get("leadId").asText()).isEqualTo(id);
    assertThat(again.status()).isEqualTo(409);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        accord.get("/api/intake/held/" + heldId).body().at("/input/state").asText())
                    .isEqualTo("HELD"));
    assertThat(accord.getLead(id).body().get("status").asText()).isEqualTo("DEAD_LETTER");
  }
}
