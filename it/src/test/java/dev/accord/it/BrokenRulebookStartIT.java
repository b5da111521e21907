package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server restarted on a rulebook folder that was broken while it was down (here by a rule that
 * triggers itself without end, stopped at its budget) still takes and routes leads, with the last
 * version that went live, and says loudly why.
 */
class BrokenRulebookStartIT {

  private static final Path RULEBOOK = Path.of("target", "broken-start-rulebook");

  private final SeparateServer server = new SeparateServer(RULEBOOK).fresh();
  private final AccordClient accord = new AccordClient(8080 + SeparateServer.PORT_OFFSET);

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void theLastPublishedVersionServesWhenTheFolderIsBrokenAtStartup() throws IOException {
    copy(Path.of(System.getProperty("accord.it.rulebook.dir")), RULEBOOK);
    server.start();
    server.awaitDeployed();
    String published =
        accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body().get("liveVersion").asText();
    server.stop();

    // A rule that triggers itself without end: the scenarios run it at startup, and its budget
    // stops it there instead of holding the deployment.
    Files.writeString(
        RULEBOOK.resolve("grading/grade.drl"),
        Files.readString(RULEBOOK.resolve("grading/grade.drl"))
            + """

            rule "Every grade is looked at again"
            when
                $scores : Scores( )
            then
                update($scores);
            end
            """);
    server.start();
    server.awaitDeployed();

    JsonNode rules = accord.get("/api/rules", ChannelsIT.OPERATOR_KEY).body();
    assertThat(rules.get("liveVersion").asText()).isEqualTo(published);
    assertThat(rules.get("liveFrom").asText()).isEqualTo("LAST_PUBLISHED");
    assertThat(rules.at("/lastAttempt/outcome").asText()).isEqualTo("REJECTED");
    assertThat(rules.at("/lastAttempt/problems/0/file").asText()).isEqualTo("scenarios.csv");
    assertThat(rules.at("/lastAttempt/problems/0/reason").asText())
        .endsWith(
            ": rule \"Every grade is looked at again\" fired more than 500 times for one lead and"
                + " was stopped; it probably triggers itself again (update without no-loop)");
    String id =
        accord
            .postLead(
                "{\"externalId\": \"%s\", \"email\": \"fallback.%s@example.com\", \"country\": \"US\"}"
                    .formatted(UUID.randomUUID(), UUID.randomUUID()))
            .body()
            .get("id")
            .asText();
    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> accord.getLead(id), answer -> answer.status() == 200)
            .body();
    assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
    assertThat(lead.at("/score/rulebookVersion").asText()).isEqualTo(published);
  }

  private static void copy(Path from, Path to) throws IOException {
    Folders.delete(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
