package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.sla.ClockTerm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Territories, point tables and SLA targets kept as spreadsheets (CSV or XLSX) decide like rules
 * written out, and a mistake in one is reported at its row.
 */
class DecisionTableTest {

  @TempDir Path copy;

  @Test
  void theDemoTablesDecideTerritoryPointsAndTargets() throws Exception {
    Rulebook rulebook = Rulebook.compile(DemoRulebook.folder());

    Decision decision = rulebook.decide(lead("Founder & CEO", 1500, "KZ", "referral", "trial"));

    assertThat(decision.reasons())
        .containsExactly(
            new Reason(
                Concern.FIT, "C-level executives, founders and owners make buying decisions", 30),
            new Reason(
                Concern.FIT, "Companies with 1,000 or more employees are an excellent fit", 30),
            new Reason(Concern.ENGAGEMENT, "Referred leads come with a recommendation", 25),
            new Reason(Concern.ENGAGEMENT, "Starting a trial shows hands-on interest", 25),
            new Reason(
                Concern.GRADE,
                "Fit of 50 or more with engagement of 40 or more makes an A lead",
                0),
            new Reason(Concern.ROUTING, "Leads from Kazakhstan (KZ) go to the EMEA team", 0));
    ClockTerm firstTouch =
        decision.clocks().stream().filter(c -> c.name().equals("First touch")).findFirst().get();
    assertThat(firstTouch.rule()).isEqualTo("Sales touches an A lead within 15 business minutes");
    assertThat(firstTouch.target()).isEqualTo(Duration.ofMinutes(15));
    assertThat(firstTouch.rerouteOnBreach()).isTrue();
    assertThat(decision.grade()).isEqualTo(Grade.A);
    assertThat(rulebook.warnings()).isEmpty();
  }

  @Test
  void aNumberWithAThousandsSeparatorIsRejectedAtItsRowAndColumn() throws Exception {
    copyDemoRulebook();
    // "1,000" in a number cell: pasted into the code, the comma would split the condition.
    replace(
        "scoring/company-size.csv", "excellent fit\",1000,,30", "excellent fit\",\"1,000\",,30");
    int row = lineOf("scoring/company-size.csv", "1,000\",,30");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "scoring/company-size.csv",
                            row,
                            "'Employees at least' (column B): '1,000' is not a whole number;"
                                + " write digits only, such as 1000 or -10")));
  }

  @Test
  void aMistypedTargetIsRejectedAtItsRowBeforeAnyLeadMeetsIt() throws Exception {
    copyDemoRulebook();
    replace("sla/first-touch-targets.csv", ",B,4 hours,", ",B,4 hourz,");
    int row = lineOf("sla/first-touch-targets.csv", ",B,");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "sla/first-touch-targets.csv",
                            row,
                            "'Target in business time' (column C): '4 hourz' is not a target"
                                + " in business time; write a whole number and a unit, such as 15"
                                + " minutes, 4 hours or 1 day")));
  }

  @Test
  void aCellReachingForTheSystemIsRefusedAtItsRow() throws Exception {
    copyDemoRulebook();
    replace(
        "scoring/lead-sources.csv",
        "with a recommendation,referral,25",
        "with a recommendation,referral,System.exit(0)");
    int row = lineOf("scoring/lead-sources.csv", ",referral,");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(RulebookProblem::file, RulebookProblem::line)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scoring/lead-sources.csv", row)));
  }

  @Test
  void aTableNamingAnotherStageIsRejectedBecauseItsRulesWouldNeverRun() throws Exception {
    copyDemoRulebook();
    replace("scoring/lead-sources.csv", "RuleSet,scoring", "RuleSet,routing");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "scoring/lead-sources.csv",
                            0,
                            "the table's RuleSet is 'routing'; a table in scoring/ must say"
                                + " RuleSet scoring, or its rules would never run")));
  }

  @Test
  void aSpreadsheetSavedAsXlsxDecidesAndIsReportedByRow() throws Exception {
    copyDemoRulebook();
    Files.delete(copy.resolve("routing/territories.csv"));
    writeXlsx(
        "routing/territories.xlsx",
        List.of(
            List.of("RuleSet", "routing"),
            List.of("Import", "dev.accord.rules.lead.Lead, dev.accord.rules.decision.TeamChoice"),
            List.of("Variables", "dev.accord.rules.decision.TeamChoice routing"),
            List.of(),
            List.of("RuleTable Territories"),
            List.of("NAME", "CONDITION", "ACTION"),
            List.of("", "Lead", ""),
            List.of("", "country == \"$param\"", "routing.toTeam(\"$param\");"),
            List.of("Rule", "Country", "Team"),
            List.of("Leads from Germany (DE) go to the DACH team", "DE", "dach"),
            List.of("Leads from Japan (JP) go to the APAC team", "JP", "apac")));
    // Keep the demo's scenarios and lint about the tables under test only.
    Files.delete(copy.resolve("scenarios.csv"));

    Rulebook rulebook = Rulebook.compile(copy);

    assertThat(rulebook.decide(lead("CEO", 500, "JP", null, null)).team()).contains("apac");
    assertThat(rulebook.decide(lead("CEO", 500, "DE", null, null)).reasons())
        .contains(new Reason(Concern.ROUTING, "Leads from Germany (DE) go to the DACH team", 0));
    assertThat(rulebook.warnings())
        .extracting(RulebookProblem::reason)
        .singleElement()
        .asString()
        .startsWith("247 countries are covered by no territory");

    writeXlsx(
        "routing/territories.xlsx",
        List.of(
            List.of("RuleSet", "routing"),
            List.of("Import", "dev.accord.rules.lead.Lead, dev.accord.rules.decision.TeamChoice"),
            List.of("Variables", "dev.accord.rules.decision.TeamChoice routing"),
            List.of(),
            List.of("RuleTable Territories"),
            List.of("NAME", "CONDITION", "ACTION"),
            List.of("", "Lead", ""),
            List.of("", "countree == \"$param\"", "routing.toTeam(\"$param\");"),
            List.of("Rule", "Country", "Team"),
            List.of("Leads from Germany (DE) go to the DACH team", "DE", "dach")));
    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(RulebookProblem::file, RulebookProblem::line)
                    .contains(org.assertj.core.groups.Tuple.tuple("routing/territories.xlsx", 10)));
  }

  @Test
  void aFileThatIsNoDecisionTableSaysWhatATableLooksLike() throws Exception {
    copyDemoRulebook();
    Files.writeString(copy.resolve("routing/leads-export.csv"), "email,country\na@b.com,DE\n");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(RulebookProblem::file)
                    .containsExactly("routing/leads-export.csv"));
  }

  private void copyDemoRulebook() throws IOException {
    DemoRulebook.copyTo(copy);
  }

  private void replace(String file, String text, String replacement) throws IOException {
    Path path = copy.resolve(file);
    String content = Files.readString(path);
    assertThat(content).contains(text);
    Files.writeString(path, content.replace(text, replacement));
  }

  private int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(copy.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  private void writeXlsx(String file, List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(copy.resolve(file))) {
      Sheet sheet = workbook.createSheet("Territories");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      workbook.write(out);
    }
  }
}
