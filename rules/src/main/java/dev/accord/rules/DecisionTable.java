package dev.accord.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.parser.DecisionTableParser;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;

/**
 * A decision table (a spreadsheet saved as XLSX or CSV, in the layout Drools reads: {@code
 * RuleSet}, {@code Import}, {@code Variables}, then a {@code RuleTable} with one rule per row)
 * turned into the rules it stands for, remembering which row each rule came from so problems point
 * at the row. Its cells are checked as the values they should be (see {@link TableCells}) in the
 * same pass of Drools' parser that builds the rules.
 */
final class DecisionTable {

  static final List<String> EXTENSIONS = List.of(".csv", ".xlsx", ".xls");

  // Drools marks each generated rule with the cell its values came from, e.g. "A11".
  private static final Pattern RULE_VALUES_AT =
      Pattern.compile("^// rule values at [A-Z]+(\\d+), header at [A-Z]+(\\d+)");

  private DecisionTable() {}

  static boolean isTable(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  /**
   * The rules of the table.
   *
   * @param columns the columns the rulebook declares, whose cells are checked by type
   * @throws RulebookRejectedException if the spreadsheet cannot be read as a decision table, its
   *     {@code RuleSet} does not name the stage folder it sits in, or a cell holds what its column
   *     may not; with every such problem of the table
   */
  static DrlSource rulesOf(RuleFile table, ColumnTemplates columns)
      throws RulebookRejectedException {
    InputType type =
        table.path().toLowerCase(Locale.ROOT).endsWith(".csv") ? InputType.CSV : InputType.XLS;
    if (table.content().length > SpreadsheetLimits.MAX_BYTES) {
      throw RulebookRejectedException.of(
          table.path(),
          0,
          "the table has "
              + table.content().length
              + " bytes; a decision table has at most "
              + SpreadsheetLimits.MAX_BYTES);
    }
    if (type == InputType.XLS) {
      List<RulebookProblem> limits = SpreadsheetLimits.problems(table);
      if (!limits.isEmpty()) {
        throw new RulebookRejectedException(limits);
      }
    }
    DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
    TableCells cells = new TableCells(table.path(), columns);
    String drl;
    DecisionTableParser parser = type.createParser(List.of(cells, rules));
    try {
      // The cells first: when Drools stops at a cell it cannot take (a priority "twenty"), the
      // cell's own problem, with its column, says why.
      parser.parseFile(new ByteArrayInputStream(table.content()));
    } catch (RuntimeException unreadable) {
      throw unreadable(table, unreadable, cells, cells.lastCellWrong());
    }
    try {
      DRLOutput out = new DRLOutput();
      rules.getRuleSet().renderDRL(out);
      drl = out.getDRL();
    } catch (RuntimeException unreadable) {
      throw unreadable(table, unreadable, cells, false);
    }
    List<RulebookProblem> problems = new ArrayList<>();
    String stage = table.stageFolder();
    String ruleSet = PackageStatement.of(drl).map(PackageStatement::name).orElse("");
    if (!(ruleSet.equals(stage) || ruleSet.startsWith(stage + "."))) {
      problems.add(
          new RulebookProblem(
              table.path(),
              0,
              "the table's RuleSet is '"
                  + ruleSet
                  + "'; a table in "
                  + stage
                  + "/ must say RuleSet "
                  + stage
                  + ", or its rules would never run"));
    }
    problems.addAll(cells.problems());
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
    String[] lines = drl.split("\n", -1);
    int[] rows = new int[lines.length];
    int row = 0;
    for (int i = 0; i < lines.length; i++) {
      Matcher at = RULE_VALUES_AT.matcher(lines[i].strip());
      if (at.find()) {
        row = Integer.parseInt(at.group(1));
      }
      rows[i] = row;
    }
    return new DrlSource(table.path(), table.path() + ".drl", drl, rows);
  }

  private static RulebookRejectedException unreadable(
      RuleFile table, RuntimeException unreadable, TableCells cells, boolean explained) {
    List<RulebookProblem> problems = new ArrayList<>();
    if (cells.sawTable()) {
      problems.addAll(cells.problems());
    }
    if (problems.isEmpty() || !explained) {
      problems.add(
          new RulebookProblem(
              table.path(),
              0,
              "cannot be read as a decision table ("
                  + readable(unreadable)
                  + "); a table starts with a RuleSet row naming its stage, then Import,"
                  + " Variables and a RuleTable with a header of CONDITION and ACTION columns"));
    }
    return new RulebookRejectedException(problems);
  }

  private static String readable(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }

  static List<DrlSource> rulesOf(
      List<RuleFile> files, ColumnTemplates columns, List<RulebookProblem> problems) {
    List<DrlSource> sources = new ArrayList<>();
    for (RuleFile file : files) {
      if (isTable(file.path())) {
        try {
          sources.add(rulesOf(file, columns));
        } catch (RulebookRejectedException rejected) {
          problems.addAll(rejected.problems());
        }
      } else {
        sources.add(DrlSource.of(file));
      }
    }
    return sources;
  }
}
