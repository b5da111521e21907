package dev.accord.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.ActionType.Code;
import org.drools.decisiontable.parser.RuleSheetParserUtil;
import org.drools.template.parser.DataListener;

/**
 * Checks every cell of a decision table as Drools' own parser hands it over, beside the listener
 * that turns the table into rules, so what is checked is exactly the text Drools pastes into code:
 * the settings above the tables, the column kinds, and each rule row's cells by their column (its
 * name, priority and group, and the type {@code columns.yaml} declares for its code).
 *
 * <p>It follows the states of Drools' {@code DefaultRuleSheetListener}: a cell starting with {@code
 * RuleTable} opens a table, whose next four rows are the column kinds, facts, code and titles, then
 * one rule per row until a row is skipped; any other cell outside a table is a setting, the first
 * of its row naming it.
 */
final class TableCells implements DataListener {

  /**
   * The settings a rulebook table may have above its tables (Drools compares them ignoring case).
   */
  private static final String SEQUENTIAL = "sequential";

  private static final Set<String> SETTINGS =
      Set.of("ruleset", "import", "variables", "notes", SEQUENTIAL);

  private static final String SETTINGS_WRITTEN = "RuleSet, Import, Variables, Notes and Sequential";

  private static final Set<Code> KINDS =
      EnumSet.of(
          Code.NAME,
          Code.CONDITION,
          Code.ACTION,
          Code.SALIENCE,
          Code.ACTIVATIONGROUP,
          Code.NOLOOP,
          Code.DESCRIPTION);

  private static final String KINDS_WRITTEN =
      "NAME, CONDITION, ACTION, PRIORITY, ACTIVATION-GROUP, NO-LOOP and DESCRIPTION";

  private static final String RULE_TABLE = "ruletable";

  private static final int KINDS_ROW = 1;
  private static final int FACTS_ROW = 2;
  private static final int CODE_ROW = 3;
  private static final int TITLES_ROW = 4;

  // What would end the text of a rule's name (rule "…": Drools escapes a quote but not a
  // backslash), and what would end the comment a description is written in.
  private static final Pattern NOT_IN_A_NAME = Pattern.compile("[\"\\\\\\p{Cntrl}\\u2028\\u2029]");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

  private static final Pattern GROUP_NAME =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,99}");

  private final String file;
  private final ColumnTemplates templates;
  private final List<RulebookProblem> problems = new ArrayList<>();
  // Per row outside the tables, the setting its first cell names; and the rows whose value is read.
  private final Map<Integer, String> settings = new HashMap<>();
  private final Set<Integer> settingValues = new HashSet<>();

  private boolean inTable;
  private boolean sawTable;
  private boolean lastCellWrong;
  private int tableRow;
  private int tableColumn;
  private int ruleRow;
  private final Map<Integer, Code> kinds = new HashMap<>();
  private final Map<Integer, String> facts = new HashMap<>();
  private final Map<Integer, String> code = new HashMap<>();
  private final Map<Integer, String> titles = new HashMap<>();

  TableCells(String file, ColumnTemplates templates) {
    this.file = file;
    this.templates = templates;
  }

  /** What is wrong in the cells, in the order of the sheet, each at its row. */
  List<RulebookProblem> problems() {
    return List.copyOf(problems);
  }

  @Override
  public void startSheet(String name) {}

  @Override
  public void finishSheet() {
    inTable = false;
  }

  @Override
  public void newRow(int row, int columns) {}

  /** Whether a table has begun: a spreadsheet without one is no decision table at all. */
  boolean sawTable() {
    return sawTable;
  }

  /**
   * Whether the last cell handed over was found wrong: when Drools stops at a cell, this says the
   * problem is already explained.
   */
  boolean lastCellWrong() {
    return lastCellWrong;
  }

  @Override
  public void newCell(int row, int column, String value, int mergedColStart) {
    int before = problems.size();
    cell(row, column, value, mergedColStart);
    lastCellWrong = problems.size() > before;
  }

  private void cell(int row, int column, String value, int mergedColStart) {
    if (value == null || value.isBlank() || (inTable && row == tableRow)) {
      return;
    }
    if (inTable) {
      tableCell(row, column, value.trim(), mergedColStart);
    } else {
      otherCell(row, column, value);
    }
  }

  private void otherCell(int row, int column, String value) {
    if (value.trim().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE)) {
      startTable(row, column, value.trim());
      return;
    }
    String setting = settings.get(row);
    if (setting == null) {
      settings.put(row, value.trim().toLowerCase(Locale.ROOT));
      if (!SETTINGS.contains(value.trim().toLowerCase(Locale.ROOT))) {
        problems.add(
            new RulebookProblem(
                file,
                row + 1,
                "'"
                    + value.trim()
                    + "' (column "
                    + letter(column)
                    + ") is not a setting of a rulebook table; above its tables a table has only "
                    + SETTINGS_WRITTEN
                    + " (write remarks in Notes)"));
      }
    } else if (setting.equals(SEQUENTIAL) && settingValues.add(row)) {
      CellType.TRUE_FALSE
          .whyNot(value.trim())
          .ifPresent(why -> problems.add(new RulebookProblem(file, row + 1, "Sequential: " + why)));
    }
  }

  private void startTable(int row, int column, String value) {
    inTable = true;
    sawTable = true;
    tableRow = row;
    tableColumn = column;
    ruleRow = row + TITLES_ROW + 1;
    kinds.clear();
    facts.clear();
    code.clear();
    titles.clear();
    String name;
    try {
      name = RuleSheetParserUtil.getRuleName(value);
    } catch (RuntimeException unnamed) {
      return; // Drools refuses the table itself.
    }
    // Rows without a NAME cell are named after the table.
    nameProblem(name)
        .ifPresent(
            why -> problems.add(new RulebookProblem(file, row + 1, "the table's name: " + why)));
  }

  private void tableCell(int row, int column, String value, int mergedColStart) {
    if (value.toLowerCase(Locale.ROOT).startsWith(RULE_TABLE)) {
      startTable(row, column, value);
      return;
    }
    if (column < tableColumn) {
      return;
    }
    switch (row - tableRow) {
      case KINDS_ROW -> kind(row, column, value);
      case FACTS_ROW ->
          facts.put(
              column,
              mergedColStart == NON_MERGED || mergedColStart == column
                  ? value
                  : facts.getOrDefault(mergedColStart, ""));
      case CODE_ROW -> code.put(column, value);
      case TITLES_ROW -> titles.put(column, value);
      default -> ruleCell(row, column, value);
    }
  }

  private void kind(int row, int column, String value) {
    String written = value.toUpperCase(Locale.ROOT);
    Code kind = ActionType.getTag2code().get(written);
    if (kind == null) {
      kind = ActionType.getTag2code().get(written.substring(0, 1));
    }
    if (kind == null) {
      return; // Drools refuses the table itself.
    }
    kinds.put(column, kind);
    if (!KINDS.contains(kind)) {
      problems.add(
          new RulebookProblem(
              file,
              row + 1,
              "column "
                  + letter(column)
                  + ": "
                  + (written.equals(kind.getColHeader())
                      ? kind.getColHeader() + " columns are"
                      : "'"
                          + value
                          + "' is read as "
                          + kind.getColHeader()
                          + " (by its first letter), and such columns are")
                  + " not for rulebook tables; a table's columns are "
                  + KINDS_WRITTEN));
    }
  }

  private void ruleCell(int row, int column, String value) {
    Code kind = kinds.get(column);
    if (kind == null) {
      return; // Drools refuses a cell without a column kind.
    }
    if (row - ruleRow > 1) {
      // A skipped row ends the table; what follows is outside it.
      inTable = false;
      otherCell(row, column, value);
      return;
    }
    if (row > ruleRow) {
      ruleRow++;
    }
    Optional<String> why =
        switch (kind) {
          case NAME -> nameProblem(value);
          case DESCRIPTION ->
              LINE_BREAK.matcher(value).find()
                  ? Optional.of("'" + value + "' is not a description: it may not hold line breaks")
                  : Optional.empty();
          case SALIENCE -> CellType.WHOLE_NUMBER.whyNot(value);
          case NOLOOP -> CellType.TRUE_FALSE.whyNot(value);
          case ACTIVATIONGROUP ->
              GROUP_NAME.matcher(value).matches()
                  ? Optional.empty()
                  : Optional.of(
                      "'"
                          + value
                          + "' is not a group name; write up to 100 letters, digits, spaces, '.',"
                          + " '_' or '-'");
          case CONDITION, ACTION ->
              templates
                  .find(facts.getOrDefault(column, ""), code.getOrDefault(column, ""))
                  .flatMap(declared -> declared.whyNot(value));
          default -> Optional.empty(); // refused at its kind
        };
    why.ifPresent(
        reason -> problems.add(new RulebookProblem(file, row + 1, column(column) + ": " + reason)));
  }

  private static Optional<String> nameProblem(String name) {
    if (NOT_IN_A_NAME.matcher(name).find()) {
      return Optional.of(
          "'"
              + name
              + "' is not a rule name: a name may not hold quotes (\"), backslashes (\\) or line"
              + " breaks");
    }
    if (name.length() > RuleSafety.RULE_NAME_MAX) {
      return Optional.of(
          "the rule's name has "
              + name.length()
              + " characters; a lead's receipt stores at most "
              + RuleSafety.RULE_NAME_MAX);
    }
    return Optional.empty();
  }

  private String column(int column) {
    String title = titles.get(column);
    return title == null
        ? "column " + letter(column)
        : "'" + title + "' (column " + letter(column) + ")";
  }

  private static String letter(int column) {
    return CellReference.convertNumToColString(column);
  }
}
