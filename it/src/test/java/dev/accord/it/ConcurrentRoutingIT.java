package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routing does not lock a team: while one lead waits for the rep the ledger puts first (held here
 * by a transaction of our own, as another node's routing transaction would hold them), the next
 * lead of the same team goes at once to the next rep, and its receipt says why the first rep was
 * passed; the waiting lead is not left unowned, and gets its rep as soon as the rep is free.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentRoutingIT {

  private static final String[] EMEA = {"ana.costa", "jonas.weber", "priya.nair"};

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aLeadGoesOnToTheNextRepWhileTheFirstIsTakingAnotherAndNoLeadIsLeftUnowned()
      throws SQLException {
    for (String rep : EMEA) {
      assertThat(accord.rep(rep).get("takesLeadsNow").asBoolean()).as(rep).isTrue();
    }
    Map<String, Connection> holders = new LinkedHashMap<>();
    JsonNode team = accord.operatorOk("GET", "/api/organisation/teams/emea", null);
    try (Connection observer = database()) {
      // Earlier tests left some reps far behind in this month's ledger; without catch-up they
      // rejoin level with the others, so the two reps first in the ledger are within one lead.
      accord.operatorOk("PUT", "/api/organisation/teams/emea", Teams.withCatchUp(team, "NONE"));
      accord.awaitLead(postEmeaLead());
      for (String rep : EMEA) {
        holders.put(rep, hold(rep));
      }

      // Every EMEA rep is held by another transaction: the first lead waits for the one it should
      // get, rather than going to the queue.
      String first = postEmeaLead();
      String top =
          await()
              .atMost(Duration.ofSeconds(8))
              .until(() -> waitedFor(observer, holders), Optional::isPresent)
              .orElseThrow();
      for (String rep : EMEA) {
        if (!rep.equals(top)) {
          holders.get(rep).commit();
        }
      }
      Map<String, Integer> ledgerBefore = ledger();

      // While the first still waits for that rep, the second goes at once to another.
      String second = postEmeaLead();
      JsonNode secondLead = accord.awaitLead(second);
      String grade = secondLead.at("/score/grade").asText();
      assertThat(accord.getLead(first).status())
          .as("the first lead is still in flight")
          .isEqualTo(404);
      holders.get(top).commit();
      JsonNode firstLead = accord.awaitLead(first);

      assertThat(secondLead.get("status").asText()).isEqualTo("ROUTED");
      assertThat(secondLead.at("/assignment/rep/id").asText()).isNotEqualTo(top);
      assertThat(Receipts.reasons(secondLead))
          .containsEntry(
              top,
              "was busy with another lead or change at that moment ("
                  + ledgerBefore.getOrDefault(grade + " " + top, 0)
                  + " grade "
                  + grade
                  + " leads at weight "
                  + accord.rep(top).get("weight").asInt()
                  + " before it), so the lead went on to the next rep");
      assertThat(firstLead.get("status").asText()).isEqualTo("ROUTED");
      assertThat(firstLead.at("/assignment/rep/id").asText()).isEqualTo(top);
      assertThat(ledger())
          .containsEntry(grade + " " + top, ledgerBefore.getOrDefault(grade + " " + top, 0) + 1);
    } finally {
      for (Connection holder : holders.values()) {
        holder.rollback();
        holder.close();
      }
      accord.operatorOk("PUT", "/api/organisation/teams/emea", Teams.withCatchUp(team, "FULL"));
    }
  }

  /** The IT server's own database, opened beside it (it runs H2 with AUTO_SERVER). */
  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:"
            + System.getProperty("accord.it.base.dir")
            + "/data/accord/accord;AUTO_SERVER=TRUE",
        "sa",
        "sa");
  }

  /** A transaction of our own holding the rep's row, as a routing transaction does. */
  private static Connection hold(String repId) throws SQLException {
    Connection connection = database();
    connection.setAutoCommit(false);
    try (PreparedStatement lock =
        connection.prepareStatement("select id from rep where id = ? for update")) {
      lock.setString(1, repId);
      try (ResultSet held = lock.executeQuery()) {
        assertThat(held.next()).as(repId).isTrue();
      }
    }
    return connection;
  }

  /** The rep whose holder another session (the server routing a lead) is waiting for, if any. */
  private static Optional<String> waitedFor(Connection observer, Map<String, Connection> holders)
      throws SQLException {
    Map<Integer, String> repBySession = new HashMap<>();
    for (Map.Entry<String, Connection> holder : holders.entrySet()) {
      try (ResultSet session =
          holder.getValue().createStatement().executeQuery("select session_id()")) {
        session.next();
        repBySession.put(session.getInt(1), holder.getKey());
      }
    }
    try (ResultSet blocked =
        observer
            .createStatement()
            .executeQuery(
                "select blocker_id from information_schema.sessions"
                    + " where blocker_id is not null")) {
      while (blocked.next()) {
        String rep = repBySession.get(blocked.getInt(1));
        if (rep != null) {
          return Optional.of(rep);
        }
      }
    }
    return Optional.empty();
  }

  /** The EMEA ledger of this month: leads counted by "grade rep". */
  private Map<String, Integer> ledger() {
    Map<String, Integer> counted = new HashMap<>();
    for (JsonNode line :
        accord.operatorOk("GET", "/api/routing/ledger?team=emea", null).get("lines")) {
      counted.put(
          line.get("grade").asText() + " " + line.get("repId").asText(),
          line.get("assigned").asInt() + line.get("credited").asInt());
    }
    return counted;
  }

  private String postEmeaLead() {
    return accord
        .postLead(
            "{\"email\": \"held.%s@example.de\", \"country\": \"DE\"}".formatted(UUID.randomUUID()))
        .body()
        .get("id")
        .asText();
  }
}
