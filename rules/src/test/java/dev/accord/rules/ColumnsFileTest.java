package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistake in columns.yaml, the declared columns of the decision tables, is shown at its line. */
class ColumnsFileTest {

  private static final String HEADER =
      """
      # Columns of the tables.
      columns:
        - fact: Lead
          code: country == "$param"
          type: country
      """;

  @TempDir Path folder;

  private EditedRulebook rulebook;

  @BeforeEach
  void copyTheDemoRulebook() throws Exception {
    rulebook = EditedRulebook.copyOfTheDemoIn(folder);
  }

  @Test
  void theDemoColumnsFileDeclaresEveryColumnOfTheDemoTables() throws Exception {
    ColumnTemplates.Parsed parsed =
        ColumnTemplates.parse(
            java.nio.file.Files.readAllBytes(DemoRulebook.folder().resolve(ColumnTemplates.FILE)));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.templates().find("Lead", "employees >= $param")).isPresent();
    assertThat(
            parsed
                .templates()
                .find(
                    "",
                    "sla.clock(\"First touch\").owedBy(Side.SALES).within(BusinessTime.of(\"$param\"))"
                        + ".stoppedBy(Activity.TOUCH, Activity.CONNECT, Activity.REJECT,"
                        + " Activity.DISQUALIFY, Activity.CONVERT);"))
        .map(ColumnTemplates.Column::type)
        .contains(CellType.BUSINESS_TIME);
  }

  @Test
  void aTypeThatDoesNotExistIsRejectedAtItsColumnsLine() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - fact: Lead
                code: employees >= $param
                type: number
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "column 'employees >= $param': 'number' is not a type; the types of cells are"
                    + " whole-number, country, team, business-time, grade, true-false, words,"
                    + " word"));
  }

  @Test
  void aCodeWithoutParamIsRejectedBecauseNoCellGoesIntoIt() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - fact: Lead
                code: employees >= 10
                type: whole-number
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "column 'employees >= 10': the code has no $param, so no cell goes into it"));
  }

  @Test
  void aColumnWithoutCodeIsRejected() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - fact: Lead
                type: whole-number
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "a column needs its code, as the table's code row writes it, such as: code:"
                    + " employees >= $param"));
  }

  @Test
  void aMisspelledSettingIsRejectedAtItsLineNamingTheKnownOnes() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - fact: Lead
                code: employees >= $param
                typ: whole-number
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                8,
                "'typ' is not a setting of a column; known: code, fact, max, min, type"));
  }

  @Test
  void aBoundThatIsNoNumberIsRejectedAtItsLine() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - code: fit.award($param);
                type: whole-number
                max: lots
            """);

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::file, RulebookProblem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ColumnTemplates.FILE, 8));
  }

  @Test
  void boundsOnAColumnThatHoldsNoNumbersAreRejected() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - code: routing.toTeam("$param");
                type: team
                max: 10
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "column 'routing.toTeam(\"$param\");': min and max are for whole-number columns"
                    + " only"));
  }

  @Test
  void aMinimumAboveTheMaximumIsRejected() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - code: fit.award($param);
                type: whole-number
                min: 100
                max: -100
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "column 'fit.award($param);': min 100 is more than max -100"));
  }

  @Test
  void aColumnDeclaredTwiceIsRejectedNamingTheFirstLine() throws Exception {
    rulebook.write(
        ColumnTemplates.FILE,
        HEADER
            + """
              - fact: Lead
                code: country  ==  "$param"
                type: team
            """);

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                ColumnTemplates.FILE,
                6,
                "the column 'country == \"$param\"' of Lead is declared already, on line 3"));
  }

  @Test
  void aColumnsFileThatIsNoYamlIsRejectedAtItsLine() throws Exception {
    rulebook.write(ColumnTemplates.FILE, HEADER + "  - fact: Lead\n    code: a: b\n");

    assertThat(rulebook.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(ColumnTemplates.FILE);
              assertThat(problem.line()).isEqualTo(7);
              assertThat(problem.reason())
                  .isEqualTo("not valid YAML: mapping values are not allowed here");
            });
  }

  @Test
  void theColumnsFileIsReadAsASettingOfTheRulebookNotRejectedAsAStrayOne() throws Exception {
    assertThat(Rulebook.compile(folder).version()).startsWith("sha256:");
  }
}
