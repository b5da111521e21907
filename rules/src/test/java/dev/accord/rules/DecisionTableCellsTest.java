package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Reason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision table's cells hold values a business user types, never code: each cell of a column
 * columns.yaml declares is checked by its type before the table is compiled, names, priorities and
 * groups always, and a mistake is shown with its row and column.
 */
class DecisionTableCellsTest {

  private static final String SIZES = "scoring/company-size.csv";
  private static final String TITLES = "scoring/job-titles.csv";
  private static final String SOURCES = "scoring/lead-sources.csv";
  private static final String TERRITORIES = "routing/territories.csv";
  private static final String TARGETS = "sla/first-touch-targets.csv";

  @TempDir Path folder;

  private EditedRulebook rulebook;

  @BeforeEach
  void copyTheDemoRulebook() throws Exception {
    rulebook = EditedRulebook.copyOfTheDemoIn(folder);
  }

  @Test
  void codeTypedIntoAPointsCellIsRefusedAsNotAWholeNumber() throws Exception {
    rulebook.replace(
        SIZES, "strong fit,200,1000,20", "strong fit,200,1000,1); System.exit(0); fit.award(1");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SIZES,
                rulebook.lineOf(SIZES, "strong fit"),
                "'Fit points' (column D): '1); System.exit(0); fit.award(1' is not a whole number;"
                    + " write digits only, such as 1000 or -10"));
  }

  @Test
  void pointsOutsideTheDeclaredRangeAreRefused() throws Exception {
    rulebook.replace(SIZES, "strong fit,200,1000,20", "strong fit,200,1000,5000");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SIZES,
                rulebook.lineOf(SIZES, "strong fit"),
                "'Fit points' (column D): '5000' is not a whole number from -1000 to 1000"));
  }

  @Test
  void aNumberWithALeadingZeroIsRefusedBecauseJavaWouldReadItAsOctal() throws Exception {
    rulebook.replace(SIZES, "strong fit,200,1000,20", "strong fit,0200,1000,20");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::reason)
        .containsExactly(
            "'Employees at least' (column B): '0200' is not a whole number; write digits only,"
                + " such as 1000 or -10");
  }

  @Test
  void aCountryCellBreakingOutOfItsQuotesIsRefusedAsNoCountryCode() throws Exception {
    rulebook.replace(
        TERRITORIES,
        "(DE) go to the EMEA team,DE,emea",
        "(DE) go to the EMEA team,\"DE\"\" || true || \"\"\",emea");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TERRITORIES,
                rulebook.lineOf(TERRITORIES, "(DE) go to"),
                "'Country' (column B): 'DE\" || true || \"' is not an ISO 3166 country code; write"
                    + " the country's two capital letters, such as DE"));
  }

  @Test
  void aCountryWrittenInLowerCaseIsRefused() throws Exception {
    rulebook.replace(
        TERRITORIES, "(AT) go to the EMEA team,AT,emea", "(AT) go to the EMEA team,at,emea");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::line, RulebookProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                rulebook.lineOf(TERRITORIES, "(AT) go to"),
                "'Country' (column B): 'at' is not an ISO 3166 country code; write the country's"
                    + " two capital letters, such as DE"));
  }

  @Test
  void aTeamCellThatIsNoTeamIdIsRefused() throws Exception {
    rulebook.replace(
        TERRITORIES, "(FR) go to the EMEA team,FR,emea", "(FR) go to the EMEA team,FR,EMEA Team");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TERRITORIES,
                rulebook.lineOf(TERRITORIES, "(FR) go to"),
                "'Team' (column C): 'EMEA Team' is not a team id; team ids are up to 40 lower-case"
                    + " letters, digits, '.', '_' or '-', such as emea"));
  }

  @Test
  void aTeamTheOrganisationDoesNotHaveIsOnlyAWarning() throws Exception {
    rulebook.replace(
        TERRITORIES, "(FR) go to the EMEA team,FR,emea", "(FR) go to the EMEA team,FR,emae");

    Rulebook compiled = Rulebook.compile(folder);

    assertThat(
            compiled.warnings(
                new Vocabulary(
                    java.util.Set.of("emea", "americas"), java.util.Set.of(), java.util.Set.of())))
        .contains(
            new RulebookProblem(
                TERRITORIES,
                rulebook.lineOf(TERRITORIES, "(FR) go to"),
                "team 'emae' is not a team of the organisation (americas, emea), so its leads"
                    + " reach nobody"));
  }

  @Test
  void aTargetCellBreakingOutOfItsCallIsRefusedAsNoBusinessTime() throws Exception {
    rulebook.replace(TARGETS, ",A,15 minutes,", ",A,\"15 minutes\"\")).withoutWarnings(\"\"\",");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TARGETS,
                rulebook.lineOf(TARGETS, "an A lead"),
                "'Target in business time' (column C): '15 minutes\")).withoutWarnings(\"' is not a"
                    + " target in business time; write a whole number and a unit, such as 15"
                    + " minutes, 4 hours or 1 day"));
  }

  @Test
  void aGradeCellThatIsNoGradeIsRefused() throws Exception {
    rulebook.replace(TARGETS, ",C,1 day,", ",C || true,1 day,");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TARGETS,
                rulebook.lineOf(TARGETS, "a C lead"),
                "'Grade' (column B): 'C || true' is not a grade; write one of A, B, C, D"));
  }

  @Test
  void aRerouteCellThatIsNeitherTrueNorFalseIsRefused() throws Exception {
    rulebook.replace(TARGETS, ",B,4 hours,false", ",B,4 hours,yes");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TARGETS,
                rulebook.lineOf(TARGETS, "a B lead"),
                "'Re-route on breach' (column D): 'yes' is neither true nor false; write true or"
                    + " false"));
  }

  @Test
  void titleWordsWithAQuoteAreRefusedAsNoListOfWords() throws Exception {
    rulebook.replace(
        TITLES, ",director,15", ",\"director\"\") || true || titleMentions(\"\"x\",15");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TITLES,
                rulebook.lineOf(TITLES, "Directors shape purchases"),
                "'Title mentions any of' (column D): 'director\") || true || titleMentions(\"x' is"
                    + " not a list of words; write words or phrases separated by commas, with"
                    + " letters, digits, spaces and & ' - . only"));
  }

  @Test
  void titleWordsWithAmpersandsHyphensAndPhrasesAreAccepted() throws Exception {
    rulebook.replace(TITLES, ",director,15", ",\"director, r&d lead, c-level, sr. vp\",15");

    assertThat(Rulebook.compile(folder).decide(lead("R&D Lead", 20, "AQ", null, null)).reasons())
        .contains(new Reason(Concern.FIT, "Directors shape purchases", 15));
  }

  @Test
  void aSourceThatIsNoLowerCaseWordIsRefused() throws Exception {
    rulebook.replace(SOURCES, ",paid-search,5", ",Paid Search,5");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "Paid Search"),
                "'Source' (column B): 'Paid Search' is not a lower-case word; write up to 50"
                    + " lower-case letters, digits and '-', such as paid-search"));
  }

  @Test
  void aRuleNameWithAQuoteIsRefusedBecauseItWouldEndTheName() throws Exception {
    rulebook.replace(
        SOURCES,
        "Referred leads come with a recommendation,",
        "\"Referred\"\" salience 1000 \"\"leads\",");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "salience 1000"),
                "'Rule (the reason a lead shows)' (column A): 'Referred\" salience 1000 \"leads' is"
                    + " not a rule name: a name may not hold quotes (\"), backslashes (\\) or line"
                    + " breaks"));
  }

  @Test
  void aRuleNameEndingInABackslashIsRefused() throws Exception {
    rulebook.replace(SOURCES, "Referred leads come with a recommendation,", "Referred leads\\,");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::reason)
        .containsExactly(
            "'Rule (the reason a lead shows)' (column A): 'Referred leads\\' is not a rule name: a"
                + " name may not hold quotes (\"), backslashes (\\) or line breaks");
  }

  @Test
  void aRuleNameLongerThanAReceiptStoresIsRefusedAtItsRow() throws Exception {
    String name = "Referred leads come with a recommendation" + " and so on".repeat(40);
    rulebook.replace(SOURCES, "Referred leads come with a recommendation,", name + ",");

    assertThat(rulebook.problems())
        .contains(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "and so on"),
                "'Rule (the reason a lead shows)' (column A): the rule's name has "
                    + name.length()
                    + " characters; a lead's receipt stores at most 400"));
  }

  @Test
  void aPriorityThatIsAnExpressionIsRefusedAsNotAWholeNumber() throws Exception {
    rulebook.replace(
        TITLES, "purchases,20,job title", "purchases,(java.lang.Math.max(1; 2)),job title");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TITLES,
                rulebook.lineOf(TITLES, "Directors shape purchases"),
                "'Order' (column B): '(java.lang.Math.max(1; 2))' is not a whole number; write"
                    + " digits only, such as 1000 or -10"));
  }

  @Test
  void aGroupNameWithAQuoteIsRefused() throws Exception {
    rulebook.replace(TITLES, "purchases,20,job title", "purchases,20,\"job\"\" title\"");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                TITLES,
                rulebook.lineOf(TITLES, "Directors shape purchases"),
                "'Group' (column C): 'job\" title' is not a group name; write up to 100 letters,"
                    + " digits, spaces, '.', '_' or '-'"));
  }

  @Test
  void anAgendaGroupColumnIsRefusedAtItsHeader() throws Exception {
    rulebook
        .replace(SOURCES, "NAME,CONDITION,ACTION", "NAME,CONDITION,ACTION,AGENDA-GROUP")
        .replace(
            SOURCES, "with a recommendation,referral,25", "with a recommendation,referral,25,x");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "NAME,CONDITION"),
                "column D: AGENDA-GROUP columns are not for rulebook tables; a table's columns are"
                    + " NAME, CONDITION, ACTION, PRIORITY, ACTIVATION-GROUP, NO-LOOP and"
                    + " DESCRIPTION"));
  }

  @Test
  void aColumnKindDroolsReadsByItsFirstLetterIsNamedAsItIsRead() throws Exception {
    rulebook.replace(SOURCES, "NAME,CONDITION,ACTION", "NAME,CONDITION,ACTION,Timing");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::reason)
        .containsExactly(
            "column D: 'Timing' is read as TIMER (by its first letter), and such columns are"
                + " not for rulebook tables; a table's columns are NAME, CONDITION, ACTION,"
                + " PRIORITY, ACTIVATION-GROUP, NO-LOOP and DESCRIPTION");
  }

  @Test
  void functionsAboveATableAreRefusedAtTheirRow() throws Exception {
    rulebook.replace(
        SOURCES,
        "Variables,dev.accord.rules.decision.ScoreSheet engagement\n",
        "Variables,dev.accord.rules.decision.ScoreSheet engagement\n"
            + "Functions,\"function int points() { return 1; }\"\n");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "Functions,"),
                "'Functions' (column A) is not a setting of a rulebook table; above its tables a"
                    + " table has only RuleSet, Import, Variables, Notes and Sequential (write"
                    + " remarks in Notes)"));
  }

  @Test
  void aSettingBelowATableIsRefusedLikeOneAboveIt() throws Exception {
    rulebook.write(
        SOURCES,
        java.nio.file.Files.readString(folder.resolve(SOURCES)) + "\nAGENDA-GROUP,elsewhere\n");

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                SOURCES,
                rulebook.lineOf(SOURCES, "AGENDA-GROUP,"),
                "'AGENDA-GROUP' (column A) is not a setting of a rulebook table; above its tables a"
                    + " table has only RuleSet, Import, Variables, Notes and Sequential (write"
                    + " remarks in Notes)"));
  }

  @Test
  void aColumnWhoseCodeNoDeclarationMatchesPassesThroughUntyped() throws Exception {
    rulebook.write(
        "scoring/big-companies.csv",
        """
        RuleSet,scoring
        Import,"dev.accord.rules.lead.Lead, dev.accord.rules.decision.ScoreSheet"
        Variables,dev.accord.rules.decision.ScoreSheet fit

        RuleTable Big companies
        NAME,CONDITION,ACTION
        ,Lead,
        ,employees > $param,fit.award($param);
        Rule,More employees than,Fit points
        Companies of more than 100000 employees are giants,100000,5
        """);

    assertThat(Rulebook.compile(folder).decide(lead(null, 200_000, "AQ", null, null)).reasons())
        .contains(new Reason(Concern.FIT, "Companies of more than 100000 employees are giants", 5));
  }

  @Test
  void aDeclaredColumnSpacedOrWrappedDifferentlyIsStillTyped() throws Exception {
    rulebook.replace(
        SIZES,
        ",employees >= $param,employees < $param,",
        ",employees>=$param,employees <  $param,");
    rulebook.replace(SIZES, "strong fit,200,1000,20", "strong fit,2e2,1000,20");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::reason)
        .containsExactly(
            "'Employees at least' (column B): '2e2' is not a whole number; write digits only,"
                + " such as 1000 or -10");
  }

  @Test
  void everyBadCellOfEveryTableIsReportedAtOnce() throws Exception {
    rulebook
        .replace(SIZES, "strong fit,200,1000,20", "strong fit,two hundred,1000,20")
        .replace(SIZES, "good fit,50,200,10", "good fit,50,200,ten")
        .replace(
            TERRITORIES,
            "(DE) go to the EMEA team,DE,emea",
            "(DE) go to the EMEA team,Germany,emea");

    assertThat(rulebook.problems())
        .containsExactlyInAnyOrder(
            new RulebookProblem(
                SIZES,
                rulebook.lineOf(SIZES, "strong fit"),
                "'Employees at least' (column B): 'two hundred' is not a whole number; write"
                    + " digits only, such as 1000 or -10"),
            new RulebookProblem(
                SIZES,
                rulebook.lineOf(SIZES, "good fit"),
                "'Fit points' (column D): 'ten' is not a whole number; write digits only, such as"
                    + " 1000 or -10"),
            new RulebookProblem(
                TERRITORIES,
                rulebook.lineOf(TERRITORIES, "(DE) go to"),
                "'Country' (column B): 'Germany' is not an ISO 3166 country code; write the"
                    + " country's two capital letters, such as DE"));
  }

  @Test
  void badCellsOfASpreadsheetSavedAsXlsxAreReportedAtTheirRowAndColumn() throws Exception {
    rulebook.delete(TERRITORIES).delete(SIZES);
    rulebook.writeXlsx(
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
            List.of("Leads from Germany go to the \"DACH\" team", "DE", "dach"),
            List.of("Leads from Japan (JP) go to the APAC team", "Japan", "apac"),
            List.of("Leads from Brazil (BR) go to the Americas team", "BR", "americas\"); x(\"")));
    rulebook.writeXlsx(
        "scoring/company-size.xlsx",
        List.of(
            List.of("RuleSet", "scoring"),
            List.of("Import", "dev.accord.rules.lead.Lead, dev.accord.rules.decision.ScoreSheet"),
            List.of("Variables", "dev.accord.rules.decision.ScoreSheet fit"),
            List.of(),
            List.of("RuleTable Company size"),
            List.of("NAME", "CONDITION", "ACTION"),
            List.of("", "Lead", ""),
            List.of("", "employees >= $param", "fit.award($param);"),
            List.of("Rule", "Employees at least", "Fit points"),
            List.of("Companies with 1000 or more employees are an excellent fit", 1000, 12.5)));

    assertThat(rulebook.problems())
        .containsExactly(
            new RulebookProblem(
                "routing/territories.xlsx",
                10,
                "'Rule' (column A): 'Leads from Germany go to the \"DACH\" team' is not a rule name:"
                    + " a name may not hold quotes (\"), backslashes (\\) or line breaks"),
            new RulebookProblem(
                "routing/territories.xlsx",
                11,
                "'Country' (column B): 'Japan' is not an ISO 3166 country code; write the country's"
                    + " two capital letters, such as DE"),
            new RulebookProblem(
                "routing/territories.xlsx",
                12,
                "'Team' (column C): 'americas\"); x(\"' is not a team id; team ids are up to 40"
                    + " lower-case letters, digits, '.', '_' or '-', such as emea"),
            new RulebookProblem(
                "scoring/company-size.xlsx",
                10,
                "'Fit points' (column C): '12.5' is not a whole number; write digits only, such as"
                    + " 1000 or -10"));
  }

  @Test
  void aRulebookWithoutColumnsFileTypesOnlyNamesPrioritiesAndGroups() throws Exception {
    rulebook
        .delete(ColumnTemplates.FILE)
        .replace(SOURCES, ",paid-search,5", ",Paid Search,5")
        .replace(TITLES, "purchases,20,job title", "purchases,twenty,job title");

    assertThat(rulebook.problems())
        .extracting(RulebookProblem::file, RulebookProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TITLES,
                "'Order' (column B): 'twenty' is not a whole number; write digits only, such as"
                    + " 1000 or -10"));
  }
}
