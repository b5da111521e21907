package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a business user saves stays within what a change can be checked in: a spreadsheet holds
 * values, not formulas the reader would calculate (one can run for hours), and scenarios are
 * examples of a sane number and size.
 */
class RulebookLimitsTest {

  @TempDir Path work;

  @Test
  void aFormulaInASpreadsheetIsRefusedAtItsRowInsteadOfCalculated() throws Exception {
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(rulebook.resolve("scoring/slow.xlsx"))) {
      Sheet sheet = workbook.createSheet("Slow");
      Row first = sheet.createRow(0);
      first.createCell(0).setCellValue("RuleSet");
      first.createCell(1).setCellValue("scoring");
      Row second = sheet.createRow(1);
      second.createCell(0).setCellValue("Notes");
      second.createCell(1).setCellFormula("LEN(REPT(REPT(\"x\",30000),30000))");
      workbook.write(out);
    }

    assertThatThrownBy(() -> Rulebook.compile(rulebook))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "scoring/slow.xlsx",
                            2,
                            "sheet 'Slow', cell B2: holds a formula"
                                + " (LEN(REPT(REPT(\"x\",30000),30000))); a decision table holds"
                                + " values, so paste the value instead")));
  }

  @Test
  void aScenarioWithAValueLongerThanALeadsIsRefusedAtItsLine() throws Exception {
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    Path scenarios = rulebook.resolve("scenarios.csv");
    String header = Files.readString(scenarios).lines().findFirst().orElseThrow();
    String row = "A very long title," + "vp ".repeat(400) + ",800,DE,,,,,,";
    Files.writeString(scenarios, header + "\n" + row + "\n");

    assertThatThrownBy(() -> Rulebook.compile(rulebook))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "scenarios.csv",
                            2,
                            "'title' has more than 1000 characters; a scenario's values are as"
                                + " long as a lead's")));
  }
}
