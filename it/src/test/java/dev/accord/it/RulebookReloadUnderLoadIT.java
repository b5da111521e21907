package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leads keep arriving while a business user saves three changes in a row: every lead is decided
 * once, by exactly one version, and its points are the ones that version gives, never a mix.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulebookReloadUnderLoadIT {

  private static final Path RULEBOOK = Path.of(System.getProperty("accord.it.rulebook.dir"));
  private static final Path CAMPAIGN_RULE = RULEBOOK.resolve("scoring/it-under-load.drl");
  private static final String RULE = "IT under load: campaign points, version ";
  private static final int IN_FLIGHT = 5;

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void leadsFlowingThroughThreeSwapsAreEachDecidedOnceByOneVersion() throws Exception {
    String original = liveVersion();
    String source = "load-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    Map<String, Integer> pointsByVersion = new HashMap<>();
    pointsByVersion.put(original, 0);
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try {
      Future<?> flow =
          sender.submit(
              () -> {
                while (sending.get()) {
                  // Five leads in flight at most, so the queue never runs far ahead of routing.
                  if (ids.size() >= IN_FLIGHT) {
                    String waitedFor = ids.get(ids.size() - IN_FLIGHT);
                    await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> accord.getLead(waitedFor), answer -> answer.status() == 200);
                  }
                  AccordClient.Answer answer =
                      accord.postLead(
                          """
                          {"email": "load.%s@example.com", "country": "DE", "source": "%s"}
                          """
                              .formatted(UUID.randomUUID(), source));
                  if (answer.status() == 202) {
                    ids.add(answer.body().get("id").asText());
                  } else {
                    refused.add(answer.status());
                  }
                }
              });
      for (int points = 1; points <= 3; points++) {
        String before = liveVersion();
        Files.writeString(
            CAMPAIGN_RULE,
            """
            package scoring;

            import dev.accord.rules.lead.Lead;
            import dev.accord.rules.decision.ScoreSheet;

            global ScoreSheet engagement;

            rule "%s%d"
            when
                Lead( source == "%s" )
            then
                engagement.award(%d);
            end
            """
                .formatted(RULE, points, source, points));
        String now =
            await()
                .atMost(Duration.ofSeconds(20))
                .until(this::liveVersion, version -> !version.equals(before));
        pointsByVersion.put(now, points);
        // A lead sent after this swap, decided before the next: the version decided something.
        int sentSoFar = ids.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.size() > sentSoFar + 2);
        String after = ids.get(sentSoFar + 2);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> accord.getLead(after), answer -> answer.status() == 200);
      }
      sending.set(false);
      flow.get();
    } finally {
      sending.set(false);
      sender.shutdown();
      Files.deleteIfExists(CAMPAIGN_RULE);
    }

    Set<String> versionsUsed = new HashSet<>();
    for (String id : ids) {
      JsonNode lead =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> accord.getLead(id), answer -> answer.status() == 200)
              .body();
      String version = lead.at("/score/rulebookVersion").asText();
      versionsUsed.add(version);
      assertThat(pointsByVersion).as("version of %s", id).containsKey(version);
      int points = pointsByVersion.get(version);
      List<String> campaignReasons = new ArrayList<>();
      lead.at("/score/reasons")
          .forEach(
              r -> {
                if (r.get("rule").asText().startsWith(RULE)) {
                  campaignReasons.add(r.get("rule").asText() + " = " + r.get("points").asInt());
                }
              });
      assertThat(campaignReasons)
          .as("lead %s decided by %s", id, version)
          .isEqualTo(points == 0 ? List.of() : List.of(RULE + points + " = " + points));
      assertThat(lead.at("/score/engagement").asInt()).isEqualTo(points);
      List<String> decisions = new ArrayList<>();
      lead.get("history")
          .forEach(
              e -> {
                if (List.of("SCORED", "ASSIGNED", "UNROUTED").contains(e.get("type").asText())) {
                  decisions.add(e.get("type").asText());
                }
              });
      // Decided once: scored once, then assigned or left unrouted once.
      assertThat(decisions).as("history of %s", id).hasSize(2).startsWith("SCORED");
    }
    System.out.println(
        "RulebookReloadUnderLoadIT: "
            + ids.size()
            + " leads through 3 swaps, decided by "
            + versionsUsed.size()
            + " versions");
    assertThat(refused).isEmpty();
    assertThat(versionsUsed)
        .containsAll(pointsByVersion.keySet().stream().filter(v -> !v.equals(original)).toList());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(this::liveVersion, version -> version.equals(original));
  }

  private String liveVersion() {
    return accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText();
  }
}
