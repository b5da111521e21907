package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reps work the hours of a rulebook calendar in their own time zone. With every EMEA rep off shift
 * (it is night where they are), a lead waits in the team's queue, owned by the team, and its clocks
 * say so and who is due on shift first; when a rep comes on shift the waiting lead goes to them
 * without anyone touching it, and its clocks count against them from then on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkingHoursIT {

  private static final List<String> EMEA = List.of("ana.costa", "jonas.weber", "priya.nair");

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aLeadWaitsForTheFirstRepOnShiftAndGoesToThemWhenTheyComeOnShift() {
    Map<String, String> zones = new LinkedHashMap<>();
    for (String rep : EMEA) {
      JsonNode state = accord.rep(rep);
      assertThat(state.get("takesLeadsNow").asBoolean()).as(rep).isTrue();
      zones.put(rep, state.get("timeZone").asText());
    }
    String night = zoneWhereItIsTwoInTheMorning();
    try {
      for (String rep : EMEA) {
        JsonNode offShift =
            accord.operatorOk(
                "PUT",
                "/api/organisation/reps/" + rep,
                "{\"workingHours\": \"emea\", \"timeZone\": \"" + night + "\"}");
        assertThat(offShift.get("workingHours").asText()).isEqualTo("emea");
        assertThat(offShift.get("takesLeadsNow").asBoolean()).as(rep).isFalse();
      }

      JsonNode waiting = accord.awaitLead(postEmeaLead());
      String id = waiting.get("id").asText();

      assertThat(waiting.get("status").asText()).isEqualTo("UNROUTED");
      assertThat(waiting.at("/assignment/team/id").asText()).isEqualTo("emea");
      Map<String, String> reasons = Receipts.reasons(waiting);
      assertThat(reasons).containsOnlyKeys(EMEA);
      assertThat(reasons.values())
          .allSatisfy(
              reason ->
                  assertThat(reason)
                      .matches(
                          "off shift: works the emea calendar's hours in "
                              + night.replace("+", "\\+")
                              + ", on shift again \\w+day \\d{1,2} \\w+ 09:00"
                              + " \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00Z\\)"));
      String backAt = reasons.get("ana.costa").replaceAll(".*, on shift again ", "");
      JsonNode salesClock = salesClock(waiting);
      assertThat(salesClock.get("events").get(salesClock.get("events").size() - 1).toString())
          .contains(
              "\"type\":\"WAITING_FOR_OWNER\"",
              "\"detail\":\"No rep of team EMEA is available; the lead waits in the emea queue,"
                  + " owed by team EMEA until a rep takes it; the first rep due on shift is Ana"
                  + " Costa, "
                  + backAt.replace(" (", " in " + night + " ("));

      // Ana comes on shift: she now works around the clock.
      accord.operatorOk(
          "PUT", "/api/organisation/reps/ana.costa", "{\"workingHours\": \"around-the-clock\"}");
      JsonNode taken =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> accord.awaitLead(id), lead -> lead.get("status").asText().equals("ROUTED"));

      assertThat(taken.at("/assignment/rep/id").asText()).isEqualTo("ana.costa");
      JsonNode history = taken.get("history");
      String detail = history.get(history.size() - 1).get("detail").asText();
      assertThat(detail)
          .matches(
              "Taken from the emea queue by Ana Costa of team EMEA, the first rep able to take it,"
                  + " after \\d+ min waiting");
      JsonNode clockEvents = salesClock(taken).get("events");
      assertThat(clockEvents.get(clockEvents.size() - 1).get("type").asText())
          .isEqualTo("OWNER_CHANGED");
      assertThat(clockEvents.get(clockEvents.size() - 1).get("detail").asText()).isEqualTo(detail);
      assertThat(queue().toString()).doesNotContain(id);
    } finally {
      for (String rep : EMEA) {
        accord.operatorOk(
            "PUT",
            "/api/organisation/reps/" + rep,
            "{\"workingHours\": null, \"timeZone\": \"" + zones.get(rep) + "\"}");
      }
    }
    for (String rep : EMEA) {
      assertThat(accord.rep(rep).get("takesLeadsNow").asBoolean()).as(rep).isTrue();
    }
  }

  /** A fixed-offset zone where the local time is now between 02:00 and 03:00. */
  private static String zoneWhereItIsTwoInTheMorning() {
    int hourUtc = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(2 - hourUtc, 24);
    if (offset > 14) {
      offset -= 24;
    }
    // The Etc zones' signs are the other way round: Etc/GMT-5 is five hours ahead of UTC.
    return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
  }

  private static JsonNode salesClock(JsonNode lead) {
    List<JsonNode> sales = new ArrayList<>();
    lead.get("slaClocks")
        .forEach(
            clock -> {
              if (clock.get("owner").asText().equals("SALES")
                  && clock.get("name").asText().equals("First touch")) {
                sales.add(clock);
              }
            });
    assertThat(sales).as("the lead's sales clocks").hasSize(1);
    return sales.get(0);
  }

  private JsonNode queue() {
    return accord.operatorOk("GET", "/api/routing/queue?queue=emea", null);
  }

  private String postEmeaLead() {
    return accord
        .postLead(
            // A grade the agreement gives a first-touch clock.
            ("{\"email\": \"night.%s@example.de\", \"country\": \"DE\", \"title\": \"VP Sales\","
                    + " \"employees\": 800, \"action\": \"demo\"}")
                .formatted(UUID.randomUUID()))
        .body()
        .get("id")
        .asText();
  }
}
