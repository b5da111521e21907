package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * never lost. The rulebook under test holds a rule that fails for one company (see
 * src/test/rulebook), the way a business user's faulty rule would.
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
  void aLeadThatFailsEveryAttemptEndsInTheDeadLetterQueueNotInTheVoid() {
    Broker broker = new Broker(management);

    AccordClient.Answer accepted =
        accord.postLead(
            """
            {"externalId": "%s", "email": "cfo@brokenrule.com", "country": "DE",
             "company": "Broken Rule Inc"}
            """
                .formatted(UUID.randomUUID()));

    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(broker.leadIdsIn(Broker.DEAD_LETTER_QUEUE)).contains(id));
    assertThat(accord.getLead(id).status()).isEqualTo(404);
  }
}
