package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sales organisation is data: the demo organisation is loaded from its CSV files; an operator
 * makes teams and reps through the API and by CSV import, moves a rep, gives a team and a rep a
 * calendar, names a head and removes what nothing refers to; a bad field is refused by name; a rep
 * moved into EMEA while the others are away takes the next lead, no restart.
 *
 * <p>The tests share one server with the others, which count the demo teams and their reps: every
 * team and rep made here is removed, every change undone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganisationIT {

  private static final String TEAM_COLUMNS =
      "id,name,time_zone,manager_name,manager_email,working_hours,catch_up,catch_up_limit\n";

  private static final String REP_COLUMNS =
      "id,team,name,email,time_zone,working_hours,active,max_open_leads,weight\n";

  private static final String CALENDARS = "known: americas, around-the-clock, emea";

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void theDemoOrganisationIsLoadedFromItsFilesWithoutWorkingHours() {
    JsonNode emea = accord.operator("GET", "/api/organisation/teams/emea", null).json();
    JsonNode americas = accord.operator("GET", "/api/organisation/teams/americas", null).json();
    JsonNode sales = accord.operator("GET", "/api/organisation/heads/sales", null).json();
    JsonNode marketing = accord.operator("GET", "/api/organisation/heads/marketing", null).json();

    assertThat(emea.get("name").asText()).isEqualTo("EMEA");
    assertThat(emea.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(emea.get("manager").toString())
        .isEqualTo("{\"email\":\"elena.fischer@accord.example\",\"name\":\"Elena Fischer\"}");
    assertThat(emea.get("workingHours")).isEqualTo(NullNode.getInstance());
    assertThat(emea.get("catchUp").toString()).isEqualTo("{\"limit\":null,\"policy\":\"FULL\"}");
    assertThat(emea.get("reps").toString())
        .isEqualTo("[\"ana.costa\",\"jonas.weber\",\"priya.nair\"]");
    assertThat(americas.at("/manager/email").asText()).isEqualTo("daniel.brooks@accord.example");
    assertThat(americas.get("timeZone").asText()).isEqualTo("America/Chicago");
    assertThat(americas.get("reps").toString())
        .isEqualTo("[\"lucas.silva\",\"maria.gonzalez\",\"tom.becker\"]");
    JsonNode ana = accord.operator("GET", "/api/organisation/reps/ana.costa", null).json();
    assertThat(ana.get("email").asText()).isEqualTo("ana.costa@accord.example");
    assertThat(ana.get("timeZone").asText()).isEqualTo("Europe/Lisbon");
    assertThat(ana.has("workingHours")).as("the team's: none").isFalse();
    assertThat(sales.toString())
        .isEqualTo(
            "{\"email\":\"head.of.sales@accord.example\",\"name\":\"Sam Carter\",\"side\":\"sales\"}");
    assertThat(marketing.get("email").asText()).isEqualTo("head.of.marketing@accord.example");
    assertThat(accord.get("/api/organisation/teams").status()).isEqualTo(403);
  }

  @Test
  void teamsAndRepsAreMadeThroughTheApiAndByImportMovedGivenCalendarsAndRemoved() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String north = "it-north-" + suffix;
    String south = "it-south-" + suffix;
    String nora = "it.nora." + suffix;
    String erik = "it.erik." + suffix;
    String lena = "it.lena." + suffix;
    try {
      AccordClient.Raw created =
          accord.operator(
              "PUT",
              "/api/organisation/teams/" + north,
              "{\"name\": \"North " + suffix + "\", \"timeZone\": \"Europe/Stockholm\"}");
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.json().toString())
          .isEqualTo(
              "{\"catchUp\":{\"limit\":null,\"policy\":\"FULL\"},\"id\":\""
                  + north
                  + "\",\"name\":\"North "
                  + suffix
                  + "\",\"reps\":[],\"timeZone\":\"Europe/Stockholm\",\"workingHours\":null}");

      AccordClient.Raw imported =
          accord.operator(
              "POST",
              "/api/organisation/teams/import",
              "text/csv",
              TEAM_COLUMNS
                  + south
                  + ",South "
                  + suffix
                  + ",Europe/Madrid,Carmen Ruiz,carmen.ruiz@accord.example,emea,CAPPED,2\n");
      assertThat(imported.status()).isEqualTo(200);
      assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
      JsonNode southTeam = accord.operator("GET", "/api/organisation/teams/" + south, null).json();
      assertThat(southTeam.get("workingHours").asText()).isEqualTo("emea");
      assertThat(southTeam.get("catchUp").toString())
          .isEqualTo("{\"limit\":2,\"policy\":\"CAPPED\"}");
      assertThat(southTeam.at("/manager/name").asText()).isEqualTo("Carmen Ruiz");

      AccordClient.Raw described =
          accord.operator(
              "PUT",
              "/api/organisation/teams/" + north,
              """
              {"name": "North %s", "timeZone": "Europe/Oslo",
               "manager": {"name": "Ingrid Berg", "email": "ingrid.berg@accord.example"},
               "workingHours": "around-the-clock", "catchUp": {"policy": "NONE"}}
              """
                  .formatted(suffix));
      assertThat(described.status()).isEqualTo(200);
      assertThat(described.json().get("timeZone").asText()).isEqualTo("Europe/Oslo");
      assertThat(described.json().get("workingHours").asText()).isEqualTo("around-the-clock");
      assertThat(described.json().get("catchUp").toString())
          .isEqualTo("{\"limit\":null,\"policy\":\"NONE\"}");
      assertThat(described.json().at("/manager/email").asText())
          .isEqualTo("ingrid.berg@accord.example");

      AccordClient.Raw newRep =
          accord.operator(
              "PUT",
              "/api/organisation/reps/" + nora,
              """
              {"name": "Nora Lind", "email": "nora.lind@accord.example", "team": "%s",
               "timeZone": "Europe/Stockholm", "maxOpenLeadsByGrade": {"A": 2}}
              """
                  .formatted(north));
      assertThat(newRep.status()).isEqualTo(201);
      assertThat(newRep.json().get("team").asText()).isEqualTo(north);
      assertThat(newRep.json().get("timeZone").asText()).isEqualTo("Europe/Stockholm");
      assertThat(newRep.json().get("active").asBoolean()).isTrue();
      assertThat(newRep.json().get("available").asBoolean()).isTrue();
      assertThat(newRep.json().get("weight").asInt()).isEqualTo(1);
      assertThat(newRep.json().get("maxOpenLeadsByGrade").toString()).isEqualTo("{\"A\":2}");
      assertThat(newRep.json().has("workingHours")).isFalse();
      assertThat(newRep.json().get("takesLeadsNow").asBoolean()).isTrue();

      AccordClient.Raw importedReps =
          accord.operator(
              "POST",
              "/api/organisation/reps/import",
              "text/csv",
              REP_COLUMNS
                  + erik
                  + ","
                  + south
                  + ",Erik Dahl,erik.dahl@accord.example,Europe/Oslo,,,,\n"
                  + lena
                  + ","
                  + south
                  + ",Lena Vik,lena.vik@accord.example,Europe/Oslo,emea,false,5,2\n");
      assertThat(importedReps.status()).isEqualTo(200);
      assertThat(importedReps.json().get("imported").asInt()).isEqualTo(2);
      JsonNode erikRep = rep(erik);
      assertThat(erikRep.get("active").asBoolean()).isTrue();
      assertThat(erikRep.get("weight").asInt()).isEqualTo(1);
      assertThat(erikRep.has("maxOpenLeads")).as("no cap").isFalse();
      JsonNode lenaRep = rep(lena);
      assertThat(lenaRep.get("active").asBoolean()).isFalse();
      assertThat(lenaRep.get("whyNot").asText()).isEqualTo("inactive");
      assertThat(lenaRep.get("maxOpenLeads").asInt()).isEqualTo(5);
      assertThat(lenaRep.get("weight").asInt()).isEqualTo(2);
      assertThat(lenaRep.get("workingHours").asText()).isEqualTo("emea");

      AccordClient.Raw moved =
          accord.operator(
              "PUT",
              "/api/organisation/reps/" + nora,
              """
              {"team": "%s", "workingHours": "americas", "maxOpenLeadsByGrade": {"A": null, "B": 4}}
              """
                  .formatted(south));
      assertThat(moved.status()).isEqualTo(200);
      assertThat(moved.json().get("team").asText()).isEqualTo(south);
      assertThat(moved.json().get("name").asText()).isEqualTo("Nora Lind");
      assertThat(moved.json().get("workingHours").asText()).isEqualTo("americas");
      assertThat(moved.json().get("maxOpenLeadsByGrade").toString()).isEqualTo("{\"B\":4}");
      assertThat(
              accord.operator("GET", "/api/organisation/teams/" + south, null).json().get("reps"))
          .extracting(JsonNode::asText)
          .containsExactly(erik, lena, nora);
      assertThat(
              accord.operator("GET", "/api/organisation/teams/" + north, null).json().get("reps"))
          .isEmpty();

      // An import changes the reps it names and leaves the rest as they were.
      AccordClient.Raw again =
          accord.operator(
              "POST",
              "/api/organisation/reps/import",
              "text/csv",
              REP_COLUMNS
                  + erik
                  + ","
                  + south
                  + ",Erik Dahl-Berg,erik.dahl@accord.example,UTC,,,,\n");
      assertThat(again.json().get("imported").asInt()).isEqualTo(1);
      assertThat(rep(erik).get("name").asText()).isEqualTo("Erik Dahl-Berg");
      assertThat(rep(erik).get("timeZone").asText()).isEqualTo("UTC");
      assertThat(rep(lena).get("name").asText()).isEqualTo("Lena Vik");

      AccordClient.Raw stillUsed =
          accord.operator("DELETE", "/api/organisation/teams/" + south, null);
      assertThat(stillUsed.status()).isEqualTo(409);
      assertThat(stillUsed.json().get("detail").asText())
          .isEqualTo(
              "Team '"
                  + south
                  + "' still has reps ("
                  + erik
                  + ", "
                  + lena
                  + ", "
                  + nora
                  + "); move them to another team first.");
      assertThat(accord.operator("DELETE", "/api/organisation/teams/" + north, null).status())
          .isEqualTo(204);
      assertThat(accord.operator("GET", "/api/organisation/teams/" + north, null).status())
          .isEqualTo(404);
    } finally {
      for (String rep : List.of(nora, erik, lena)) {
        accord.operator("DELETE", "/api/organisation/reps/" + rep, null);
      }
      accord.operator("DELETE", "/api/organisation/teams/" + south, null);
      accord.operator("DELETE", "/api/organisation/teams/" + north, null);
    }
    assertThat(accord.operator("GET", "/api/organisation/reps/" + nora, null).status())
        .isEqualTo(404);
    assertThat(accord.operator("GET", "/api/organisation/teams/" + south, null).status())
        .isEqualTo(404);
    assertThat(accord.operator("GET", "/api/organisation/teams", null).json())
        .extracting(team -> team.get("id").asText())
        .containsExactly("americas", "emea");
  }

  @Test
  void eachBadFieldIsRefusedByNameAndNothingOfTheRequestIsKept() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    AccordClient.Raw badTeam =
        accord.operator(
            "PUT",
            "/api/organisation/teams/it-bad-" + suffix,
            """
            {"name": "", "timeZone": "Mars/Olympus", "manager": {"name": "Ola Nordmann"},
             "workingHours": "moon", "catchUp": {"policy": "CAPPED", "limit": 1001}}
            """);
    AccordClient.Raw unknownSetting =
        accord.operator(
            "PUT",
            "/api/organisation/teams/it-bad-" + suffix,
            "{\"name\": \"Bad\", \"timeZone\": \"UTC\", \"colour\": \"red\"}");
    AccordClient.Raw incompleteRep =
        accord.operator(
            "PUT",
            "/api/organisation/reps/it.bad." + suffix,
            "{\"name\": \"Bad Rep\", \"team\": \"nowhere-" + suffix + "\"}");
    AccordClient.Raw badChange =
        accord.operator(
            "PUT",
            "/api/organisation/reps/ana.costa",
            """
            {"email": "ana at accord", "timeZone": "Europe/Atlantis", "workingHours": "moon",
             "maxOpenLeadsByGrade": {"Z": 1}}
            """);
    AccordClient.Raw badRows =
        accord.operator(
            "POST",
            "/api/organisation/teams/import",
            "text/csv",
            TEAM_COLUMNS
                + "it-ok-"
                + suffix
                + ",Fine,UTC,,,,,\n"
                + "Bad Id,,Europe/Nowhere,,,,SOMETIMES,\n");
    AccordClient.Raw noHeader =
        accord.operator(
            "POST", "/api/organisation/reps/import", "text/csv", "id,team,name\nx,y,z\n");
    AccordClient.Raw badHead =
        accord.operator(
            "PUT", "/api/organisation/heads/sales", "{\"name\": \"\", \"email\": \"x\"}");

    assertThat(badTeam.status()).isEqualTo(400);
    assertThat(badTeam.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"name\",\"reason\":\"is required: the team's name, up to 100"
                + " characters\"},{\"field\":\"timeZone\",\"reason\":\"'Mars/Olympus' is not an"
                + " IANA time zone such as Europe/Berlin\"},{\"field\":\"manager.email\",\"reason\":"
                + "\"is required with the manager's name: the address the team's warnings go"
                + " to\"},{\"field\":\"workingHours\",\"reason\":\"'moon' is not a business"
                + " calendar of the live rulebook; "
                + CALENDARS
                + "\"},{\"field\":\"catchUp.limit\",\"reason\":\"is required with the CAPPED"
                + " policy: a whole number from 0 to 1000\"}]");
    assertThat(unknownSetting.status()).isEqualTo(400);
    assertThat(unknownSetting.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"colour\",\"reason\":\"is not a setting of a team; use name, timeZone,"
                + " manager, workingHours, catchUp\"}]");
    assertThat(accord.operator("GET", "/api/organisation/teams/it-bad-" + suffix, null).status())
        .isEqualTo(404);
    assertThat(incompleteRep.status()).isEqualTo(400);
    assertThat(incompleteRep.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"email\",\"reason\":\"is required to create a rep\"},"
                + "{\"field\":\"timeZone\",\"reason\":\"is required to create a rep\"},"
                + "{\"field\":\"team\",\"reason\":\"no team has the id 'nowhere-"
                + suffix
                + "'\"}]");
    assertThat(badChange.status()).isEqualTo(400);
    assertThat(badChange.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"email\",\"reason\":\"'ana at accord' is not an e-mail address such as"
                + " ana@acme.com\"},{\"field\":\"timeZone\",\"reason\":\"'Europe/Atlantis' is not"
                + " an IANA time zone such as Europe/Berlin\"},{\"field\":\"workingHours\","
                + "\"reason\":\"'moon' is not a business calendar of the live rulebook; "
                + CALENDARS
                + "\"},{\"field\":\"maxOpenLeadsByGrade.Z\",\"reason\":\"is not a grade; use A, B,"
                + " C or D\"}]");
    assertThat(rep("ana.costa").get("email").asText()).isEqualTo("ana.costa@accord.example");
    assertThat(badRows.status()).isEqualTo(400);
    assertThat(badRows.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"row 3: id\",\"reason\":\"must be 1 to 40 lower-case letters, digits,"
                + " '.', '_' or '-', starting with a letter or digit\"},{\"field\":\"row 3:"
                + " name\",\"reason\":\"is required: the team's name, up to 100 characters\"},"
                + "{\"field\":\"row 3: time_zone\",\"reason\":\"'Europe/Nowhere' is not an IANA"
                + " time zone such as Europe/Berlin\"},{\"field\":\"row 3: catch_up\",\"reason\":"
                + "\"must be FULL, CAPPED or NONE\"}]");
    assertThat(accord.operator("GET", "/api/organisation/teams/it-ok-" + suffix, null).status())
        .as("all rows or none")
        .isEqualTo(404);
    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.json().at("/errors/0/reason").asText())
        .isEqualTo(
            "the first line must name the columns"
                + " id,team,name,email,time_zone,working_hours,active,max_open_leads,weight;"
                + " missing email, time_zone, working_hours, active, max_open_leads, weight");
    assertThat(badHead.status()).isEqualTo(400);
    assertThat(badHead.json().get("errors").toString())
        .isEqualTo(
            "[{\"field\":\"name\",\"reason\":\"is required: the head's name, up to 100"
                + " characters\"},{\"field\":\"email\",\"reason\":\"'x' is not an e-mail address"
                + " such as ana@acme.com\"}]");
    assertThat(accord.operator("PUT", "/api/organisation/heads/board", "{}").status())
        .isEqualTo(404);
    AccordClient.Raw emeaInUse = accord.operator("DELETE", "/api/organisation/teams/emea", null);
    assertThat(emeaInUse.status()).isEqualTo(409);
    assertThat(emeaInUse.json().get("detail").asText())
        .isEqualTo(
            "Team 'emea' still has reps (ana.costa, jonas.weber, priya.nair); move them to"
                + " another team first.");
  }

  @Test
  void aHeadNamedThroughTheApiIsTheHeadFromNowOn() {
    try {
      AccordClient.Raw named =
          accord.operator(
              "PUT",
              "/api/organisation/heads/marketing",
              "{\"name\": \"Robin Park\", \"email\": \"robin.park@accord.example\"}");
      assertThat(named.status()).isEqualTo(200);
      assertThat(
              accord.operator("GET", "/api/organisation/heads/marketing", null).json().toString())
          .isEqualTo(
              "{\"email\":\"robin.park@accord.example\",\"name\":\"Robin Park\","
                  + "\"side\":\"marketing\"}");
    } finally {
      accord.operator(
          "PUT",
          "/api/organisation/heads/marketing",
          "{\"name\": \"Morgan Lee\", \"email\": \"head.of.marketing@accord.example\"}");
    }
    assertThat(accord.operator("GET", "/api/organisation/heads", null).json().toString())
        .isEqualTo(
            "[{\"email\":\"head.of.sales@accord.example\",\"name\":\"Sam Carter\","
                + "\"side\":\"sales\"},{\"email\":\"head.of.marketing@accord.example\","
                + "\"name\":\"Morgan Lee\",\"side\":\"marketing\"}]");
  }

  // Not a new rep: a rep who ever received a lead stays in the organisation for good, and the
  // other tests count the reps of both demo teams; Tom goes back to the Americas afterwards.
  @Test
  void aRepMovedIntoEmeaWhileTheOthersAreAwayTakesTheNextLead() {
    List<String> emeaReps = List.of("ana.costa", "jonas.weber", "priya.nair");
    try {
      for (String rep : emeaReps) {
        assertThat(
                accord
                    .operator("PUT", "/api/organisation/reps/" + rep, "{\"available\": false}")
                    .status())
            .isEqualTo(200);
      }
      AccordClient.Raw moved =
          accord.operator("PUT", "/api/organisation/reps/tom.becker", "{\"team\": \"emea\"}");
      assertThat(moved.status()).isEqualTo(200);
      assertThat(moved.json().get("team").asText()).isEqualTo("emea");

      String suffix = UUID.randomUUID().toString().substring(0, 8);
      String id =
          accord
              .postLead(
                  """
                  {"email": "greta.%s@example.de", "firstName": "Greta", "lastName": "Holm",
                   "company": "Fjordwerk %s", "country": "DE"}
                  """
                      .formatted(suffix, suffix))
              .body()
              .get("id")
              .asText();
      JsonNode lead = accord.awaitLead(id);

      assertThat(lead.get("status").asText()).isEqualTo("ROUTED");
      assertThat(lead.at("/assignment/team/id").asText()).isEqualTo("emea");
      assertThat(lead.at("/assignment/rep/id").asText()).isEqualTo("tom.becker");
      assertThat(
              StreamSupport.stream(lead.at("/assignment/candidates").spliterator(), false)
                  .filter(c -> !c.get("chosen").asBoolean())
                  .map(c -> c.get("repId").asText() + ": " + c.get("reason").asText())
                  .toList())
          .containsExactlyInAnyOrder("ana.costa: away", "jonas.weber: away", "priya.nair: away");
    } finally {
      accord.operator("PUT", "/api/organisation/reps/tom.becker", "{\"team\": \"americas\"}");
      for (String rep : emeaReps) {
        accord.operator("PUT", "/api/organisation/reps/" + rep, "{\"available\": true}");
      }
    }
    assertThat(accord.operator("GET", "/api/organisation/teams/emea", null).json().get("reps"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(emeaReps);
    assertThat(accord.operator("GET", "/api/organisation/teams/americas", null).json().get("reps"))
        .extracting(JsonNode::asText)
        .containsExactly("lucas.silva", "maria.gonzalez", "tom.becker");
    assertThat(emeaReps).allMatch(rep -> rep(rep).get("takesLeadsNow").asBoolean());
  }

  private JsonNode rep(String id) {
    AccordClient.Raw rep = accord.operator("GET", "/api/organisation/reps/" + id, null);
    assertThat(rep.status()).as("rep %s", id).isEqualTo(200);
    return rep.json();
  }
}
