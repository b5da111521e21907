package dev.accord.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * What a spreadsheet decision table must be before Drools reads it: values a person typed, in a
 * workbook of bounded size. Drools has the spreadsheet library calculate every formula as it reads,
 * and a formula of a few characters can run for hours or build a text of gigabytes, so a formula
 * anywhere is refused at its sheet and row instead of calculated.
 */
final class SpreadsheetLimits {

  static final int MAX_BYTES = 5_000_000;
  static final int MAX_CELLS = 200_000;
  // Excel's own limit, which the reading library does not enforce.
  static final int MAX_CELL_TEXT = 32_767;

  private SpreadsheetLimits() {}

  /** What keeps the workbook from being read as a table, each with its row; empty if nothing. */
  static List<RulebookProblem> problems(RuleFile table) {
    if (table.content().length > MAX_BYTES) {
      return List.of(
          new RulebookProblem(
              table.path(),
              0,
              "the spreadsheet has "
                  + table.content().length
                  + " bytes; a decision table has at most "
                  + MAX_BYTES));
    }
    List<RulebookProblem> problems = new ArrayList<>();
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table.content()))) {
      int cells = 0;
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (++cells > MAX_CELLS) {
              return List.of(
                  new RulebookProblem(
                      table.path(),
                      0,
                      "the spreadsheet has more than " + MAX_CELLS + " cells; split the table"));
            }
            whyNot(cell)
                .map(
                    reason ->
                        new RulebookProblem(
                            table.path(),
                            row.getRowNum() + 1,
                            "sheet '"
                                + sheet.getSheetName()
                                + "', cell "
                                + cell.getAddress().formatAsString()
                                + ": "
                                + reason))
                .ifPresent(problems::add);
          }
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return List.of(
          new RulebookProblem(
              table.path(),
              0,
              "cannot be read as a spreadsheet ("
                  + unreadable.getClass().getSimpleName()
                  + "); save it again as .xlsx or as CSV"));
    }
    return problems;
  }

  private static java.util.Optional<String> whyNot(Cell cell) {
    if (cell.getCellType() == CellType.FORMULA) {
      return java.util.Optional.of(
          "holds a formula ("
              + shortened(cell.getCellFormula())
              + "); a decision table holds values, so paste the value instead");
    }
    if (cell.getCellType() == CellType.STRING
        && cell.getStringCellValue().length() > MAX_CELL_TEXT) {
      return java.util.Optional.of(
          "holds more than " + MAX_CELL_TEXT + " characters; a cell holds a value");
    }
    return java.util.Optional.empty();
  }

  private static String shortened(String formula) {
    return formula.length() <= 60 ? formula : formula.substring(0, 59) + "…";
  }
}
