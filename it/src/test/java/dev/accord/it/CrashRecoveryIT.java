package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Accepted means never lost and never routed twice, even when the server dies mid-work: leads are
 * accepted, the server is killed without warning while it routes them, and after a restart every
 * accepted lead is routed exactly once.
 */
class CrashRecoveryIT {

  private static final List<String> COUNTRIES = List.of("DE", "US", "FR", "CA", "GB", "AU");
  private static final List<String> EMEA_REPS = List.of("ana.costa", "jonas.weber", "priya.nair");
  private static final List<String> AMERICAS_REPS =
      List.of("lucas.silva", "maria.gonzalez", "tom.becker");

  private final SeparateServer server = new SeparateServer().fresh();
  private final AccordClient accord = new AccordClient(8080 + SeparateServer.PORT_OFFSET);

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void everyAcceptedLeadIsRoutedExactlyOnceAfterTheServerIsKilledMidWork() {
    server.start();
    server.awaitDeployed();
    List<String> accepted = new ArrayList<>();
    // People of this run only: a person who came before (the server's data outlives a run) is
    // merged into their lead instead of routed anew.
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 60; i++) {
      AccordClient.Answer answer =
          accord.postLead(
              """
              {"externalId": "%s", "email": "crash%d.%s@example.com", "country": "%s",
               "title": "Head of Operations", "employees": 300, "action": "pricing"}
              """
                  .formatted(UUID.randomUUID(), i, run, COUNTRIES.get(i % COUNTRIES.size())));
      assertThat(answer.status()).isEqualTo(202);
      accepted.add(answer.body().get("id").asText());
    }

    server.crash();
    server.start();
    server.awaitDeployed();

    Map<String, Integer> leadsPerRep = new TreeMap<>();
    for (String id : accepted) {
      JsonNode lead =
          await()
              .atMost(Duration.ofSeconds(180))
              .until(() -> accord.getLead(id), answer -> answer.status() == 200)
              .body();
      assertThat(Receipts.historyTypes(lead))
          .as("history of %s", id)
          .containsExactly("RECEIVED", "SCORED", "ASSIGNED");
      leadsPerRep.merge(lead.at("/assignment/rep/id").asText(), 1, Integer::sum);
    }
    // 40 leads for EMEA (DE, FR, GB, AU) and 20 for the Americas (US, CA), three reps per team:
    // the rotation spreads each team's leads evenly (no rep more than one ahead of another),
    // whichever were routed before the crash and whichever after.
    assertThat(leadsPerRep.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(EMEA_REPS.stream(), AMERICAS_REPS.stream()).toList());
    assertEvenlySpread(leadsPerRep, EMEA_REPS, 40);
    assertEvenlySpread(leadsPerRep, AMERICAS_REPS, 20);
  }

  private static void assertEvenlySpread(
      Map<String, Integer> leadsPerRep, List<String> team, int teamLeads) {
    List<Integer> counts = team.stream().map(rep -> leadsPerRep.getOrDefault(rep, 0)).toList();
    assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(teamLeads);
    assertThat(Collections.max(counts) - Collections.min(counts))
        .as("spread in %s", team)
        .isLessThanOrEqualTo(1);
  }
}
