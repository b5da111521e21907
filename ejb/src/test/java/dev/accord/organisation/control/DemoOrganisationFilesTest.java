package dev.accord.organisation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo organisation's files pass the imports' checks and hold the organisation the demo and the
 * integration tests know: two teams with their managers, six reps, both heads, and no working hours
 * anywhere, so a lead is routed at any hour.
 */
class DemoOrganisationFilesTest {

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void theDemoTeamsAreEmeaAndAmericasWithTheirManagersAndNoWorkingHours() throws IOException {
    List<Object> teams = new ArrayList<>();
    for (CsvImport.Row row :
        CsvImport.read(demo("teams.csv"), TeamDescription.COLUMNS, Teams.MAX_IMPORT, "teams")) {
      TeamDescription team = TeamDescription.read(row, Set::of, problems).orElseThrow();
      teams.add(
          tuple(
              row.get("id"),
              team.name(),
              team.timeZone().getId(),
              team.managerName(),
              team.managerEmail(),
              team.workingHours(),
              team.catchUp().name()));
    }

    assertThat(problems).isEmpty();
    assertThat(teams)
        .containsExactly(
            tuple(
                "emea",
                "EMEA",
                "Europe/Berlin",
                "Elena Fischer",
                "elena.fischer@accord.example",
                null,
                "FULL"),
            tuple(
                "americas",
                "Americas",
                "America/Chicago",
                "Daniel Brooks",
                "daniel.brooks@accord.example",
                null,
                "FULL"));
  }

  @Test
  void theDemoRepsAreThreeInEachTeamActiveUncappedAtWeightOneWithTheTeamsHours()
      throws IOException {
    List<Object> reps = new ArrayList<>();
    for (CsvImport.Row row :
        CsvImport.read(demo("reps.csv"), RepChange.COLUMNS, Reps.MAX_IMPORT, "reps")) {
      RepChange rep = RepChange.read(row, Set::of, problems).orElseThrow();
      assertThat(rep.active()).isTrue();
      assertThat(rep.maxOpenLeads()).isNull();
      assertThat(rep.weight()).isEqualTo(1);
      assertThat(rep.workingHours()).isNull();
      reps.add(tuple(row.get("id"), rep.team(), rep.name(), rep.email(), rep.timeZone().getId()));
    }

    assertThat(problems).isEmpty();
    assertThat(reps)
        .containsExactly(
            tuple("ana.costa", "emea", "Ana Costa", "ana.costa@accord.example", "Europe/Lisbon"),
            tuple(
                "jonas.weber",
                "emea",
                "Jonas Weber",
                "jonas.weber@accord.example",
                "Europe/Berlin"),
            tuple("priya.nair", "emea", "Priya Nair", "priya.nair@accord.example", "Europe/London"),
            tuple(
                "maria.gonzalez",
                "americas",
                "Maria Gonzalez",
                "maria.gonzalez@accord.example",
                "America/Chicago"),
            tuple(
                "tom.becker",
                "americas",
                "Tom Becker",
                "tom.becker@accord.example",
                "America/New_York"),
            tuple(
                "lucas.silva",
                "americas",
                "Lucas Silva",
                "lucas.silva@accord.example",
                "America/Sao_Paulo"));
  }

  @Test
  void theDemoHeadsAreSamCarterForSalesAndMorganLeeForMarketing() throws IOException {
    assertThat(CsvImport.read(demo("heads.csv"), DepartmentHeads.COLUMNS, 2, "heads"))
        .extracting(r -> r.get("side"), r -> r.get("name"), r -> r.get("email"))
        .containsExactly(
            tuple("SALES", "Sam Carter", "head.of.sales@accord.example"),
            tuple("MARKETING", "Morgan Lee", "head.of.marketing@accord.example"));
  }

  private static String demo(String file) throws IOException {
    try (InputStream in =
        DemoOrganisationFilesTest.class.getClassLoader().getResourceAsStream("demo/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
