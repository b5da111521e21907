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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two server nodes on one database route the same team at once. Each node routes the leads sent to
 * it: intake puts them on the node's own broker, and that node's consumers take them. The reps'
 * claims are rows of the shared database, so no cap is overrun and no lead is routed twice, even
 * when twice as many leads come in as the caps leave room for and both nodes race for the last
 * places.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

  private static final List<String> EMEA = List.of("ana.costa", "jonas.weber", "priya.nair");
  private static final int LEADS_PER_REP = 8;
  // The line a node's consumer logs for each lead it decides (assigned or queued).
  private static final Pattern DECIDED =
      Pattern.compile("LeadRouter\\].* Lead (\\S+) from demo-web, grade \\w: ");

  private final AccordClient nodeA = new AccordClient();
  private final AccordClient nodeB = new AccordClient(8080 + SeparateServer.PORT_OFFSET);
  private final SeparateServer secondNode = SeparateServer.secondNodeOfTheItServer();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @AfterEach
  void stopSecondNode() {
    secondNode.stop();
  }

  @Test
  void twoNodesRoutingOneTeamAtOnceFillEveryRepToTheirCapAndNoFurther() throws Exception {
    secondNode.start();
    secondNode.awaitDeployed();
    for (String rep : EMEA) {
      assertThat(nodeA.rep(rep).get("takesLeadsNow").asBoolean()).as(rep).isTrue();
    }
    // Leads an earlier test left waiting would take the reps' places; the queue drains itself
    // while every rep takes leads.
    awaitEmptyEmeaQueue();
    Map<String, Long> openBefore = new TreeMap<>();
    List<String> ids = new ArrayList<>();
    List<String> sentToB = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      for (String rep : EMEA) {
        long open = nodeA.rep(rep).get("openLeads").asLong();
        openBefore.put(rep, open);
        JsonNode capped =
            nodeA.operatorOk(
                "PUT",
                "/api/organisation/reps/" + rep,
                "{\"maxOpenLeads\": " + (open + LEADS_PER_REP) + "}");
        assertThat(capped.get("maxOpenLeads").asLong()).as(rep).isEqualTo(open + LEADS_PER_REP);
      }

      // Twice as many leads as the three caps leave room for, half through each node, four at a
      // time.
      List<Future<String>> sent = new ArrayList<>();
      for (int i = 0; i < 2 * EMEA.size() * LEADS_PER_REP; i++) {
        AccordClient node = i % 2 == 0 ? nodeA : nodeB;
        sent.add(senders.submit(() -> postEmeaLead(node)));
      }
      for (int i = 0; i < sent.size(); i++) {
        ids.add(sent.get(i).get());
        if (i % 2 == 1) {
          sentToB.add(ids.get(i));
        }
      }

      Map<String, Integer> received = new TreeMap<>();
      List<String> waiting = new ArrayList<>();
      for (String id : ids) {
        JsonNode lead = nodeA.awaitLead(id);
        if (lead.get("status").asText().equals("ROUTED")) {
          assertThat(Receipts.historyTypes(lead))
              .as("history of %s", id)
              .containsExactly("RECEIVED", "SCORED", "ASSIGNED");
          received.merge(lead.at("/assignment/rep/id").asText(), 1, Integer::sum);
        } else {
          assertThat(Receipts.historyTypes(lead))
              .as("history of %s", id)
              .containsExactly("RECEIVED", "SCORED", "UNROUTED");
          assertThat(Receipts.reasons(lead))
              .as("receipt of %s", id)
              .isEqualTo(atCapacity(openBefore));
          waiting.add(id);
        }
      }
      assertThat(waiting).hasSize(EMEA.size() * LEADS_PER_REP);
      assertThat(received)
          .isEqualTo(
              Map.of(
                  "ana.costa", LEADS_PER_REP,
                  "jonas.weber", LEADS_PER_REP,
                  "priya.nair", LEADS_PER_REP));
      for (String rep : EMEA) {
        JsonNode atCap = nodeB.rep(rep);
        assertThat(atCap.get("openLeads").asLong())
            .as(rep)
            .isEqualTo(openBefore.get(rep) + LEADS_PER_REP);
        assertThat(atCap.get("whyNot").asText()).as(rep).isEqualTo(atCapacity(openBefore).get(rep));
      }
      List<String> sentToA = ids.stream().filter(id -> !sentToB.contains(id)).toList();
      assertThat(leadsDecidedIn(secondNode.logFolder()))
          .as("the leads the second node decided")
          .containsAll(sentToB)
          .doesNotContainAnyElementsOf(sentToA);
      assertThat(leadsDecidedIn(Path.of(System.getProperty("accord.it.base.dir"), "log")))
          .as("the leads the first node decided")
          .containsAll(sentToA)
          .doesNotContainAnyElementsOf(sentToB);
    } finally {
      senders.shutdownNow();
      for (String rep : EMEA) {
        nodeA.operator("PUT", "/api/organisation/reps/" + rep, "{\"maxOpenLeads\": null}");
      }
      // Without caps the waiting leads go to the reps; later tests find the queue empty.
      awaitEmptyEmeaQueue();
    }
  }

  /** Waits until the reps have taken every lead in the EMEA queue. */
  private void awaitEmptyEmeaQueue() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> nodeA.operatorOk("GET", "/api/routing/queue?queue=emea", null).get("leads"),
            JsonNode::isEmpty);
  }

  /** What a lead nobody could take says of each rep, every one of them full. */
  private static Map<String, String> atCapacity(Map<String, Long> openBefore) {
    Map<String, String> reasons = new TreeMap<>();
    for (String rep : EMEA) {
      long cap = openBefore.get(rep) + LEADS_PER_REP;
      reasons.put(rep, "at capacity: " + cap + " of " + cap + " open leads");
    }
    return reasons;
  }

  /** The leads a node's log ({@code server.log} and its daily rotations) says it decided. */
  private static List<String> leadsDecidedIn(Path logFolder) throws IOException {
    List<String> decided = new ArrayList<>();
    try (Stream<Path> logs = Files.list(logFolder)) {
      for (Path log :
          logs.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
        try (Stream<String> lines = Files.lines(log)) {
          lines.map(DECIDED::matcher).filter(Matcher::find).forEach(m -> decided.add(m.group(1)));
        }
      }
    }
    return decided;
  }

  private static String postEmeaLead(AccordClient node) {
    AccordClient.Answer answer =
        node.postLead(
            "{\"email\": \"two-nodes.%s@example.de\", \"country\": \"DE\"}"
                .formatted(UUID.randomUUID()));
    assertThat(answer.status()).isEqualTo(202);
    return answer.body().get("id").asText();
  }
}
