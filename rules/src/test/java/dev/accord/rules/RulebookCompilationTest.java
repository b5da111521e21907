package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Grade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a business user sees when they save rule files: a version, or the problems to fix. */
class RulebookCompilationTest {

  private static final String SCORING_HEADER =
      """
      package scoring;
      import dev.accord.rules.lead.Lead;
      import dev.accord.rules.decision.ScoreSheet;
      global ScoreSheet fit;
      """;

  @TempDir Path folder;

  @Test
  void versionStaysTheSameForTheSameFilesAndChangesWhenAFileChanges() throws Exception {
    copyDemoRulebookTo(folder);
    Rulebook original = Rulebook.compile(folder);
    Rulebook recompiled = Rulebook.compile(folder);
    assertThat(recompiled.version()).isEqualTo(original.version()).matches("sha256:[0-9a-f]{12}");
    assertThat(original.version()).isEqualTo(Rulebook.compile(DemoRulebook.folder()).version());

    Path sizes = folder.resolve("scoring/company-size.csv");
    Files.writeString(sizes, Files.readString(sizes).replace(",1000,,30", ",1000,,35"));
    Rulebook edited = Rulebook.compile(folder);

    assertThat(edited.version()).isNotEqualTo(original.version());
    assertThat(edited.decide(lead(null, 5000, "AQ", null, null)).fit()).isEqualTo(35);
    assertThat(edited.folder()).isEqualTo(folder.toAbsolutePath().normalize());
  }

  @Test
  void ruleWithASyntaxErrorIsRejectedNamingTheFileAndLine() throws IOException {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "Big companies are a good fit"
            when
                Lead( employees >= )
            then
                fit.award(10);
            end
            """);

    RulebookRejectedException rejection = rejectionOf(folder);

    assertThat(rejection.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo("scoring/fit.drl");
              assertThat(problem.line()).isEqualTo(7);
              assertThat(problem.reason()).contains("Big companies are a good fit");
            });
    assertThat(rejection.getMessage()).contains("scoring/fit.drl:7: ");
  }

  @Test
  void ruleUsingAFieldLeadsDoNotHaveIsRejected() throws IOException {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "High revenue is a good fit"
            when
                Lead( revenue > 1000000 )
            then
                fit.award(10);
            end
            """);

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo("scoring/fit.drl");
              assertThat(problem.line()).isEqualTo(7);
              assertThat(problem.reason()).contains("revenue").doesNotContain("\n", "^");
            });
  }

  @Test
  void ruleMatchingAFactTypeThatDoesNotExistIsRejected() throws IOException {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "Prospects are a good fit"
            when
                Prospect( )
            then
                fit.award(10);
            end
            """);

    assertThat(rejectionOf(folder).problems())
        .containsExactly(
            new RulebookProblem(
                "scoring/fit.drl",
                7,
                "'Prospect' is not a fact rules may match; the facts are Lead, Scores, Graded and"
                    + " Routed"));
  }

  @Test
  void missingFolderIsRejected() {
    assertThat(rejectionOf(folder.resolve("no-such-rulebook")).problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.reason()).contains("does not exist"));
  }

  @Test
  void folderWithoutRuleFilesIsRejected() throws IOException {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(folder.resolve("README.md"), "rules go here");

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.reason()).contains("no rule files"));
  }

  @Test
  void twoRulesWithTheSameNameInDifferentStagesAreRejectedNamingBoth() throws IOException {
    String name = "Important leads matter";
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + "rule \""
            + name
            + "\"\nwhen\n    Lead( employees > 10 )\nthen\n    fit.award(5);\nend\n");
    write(
        "routing/territories.drl",
        """
        package routing;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;

        rule "%s"
        when
            Lead( country == "DE" )
        then
            routing.toTeam("emea");
        end
        """
            .formatted(name));

    assertThat(rejectionOf(folder).problems())
        .extracting(RulebookProblem::file, RulebookProblem::line)
        .containsExactlyInAnyOrder(
            tuple("scoring/fit.drl", 5), tuple("routing/territories.drl", 6));
  }

  @Test
  void ruleFileOutsideTheStageFoldersIsRejectedBecauseItWouldNeverRun() throws IOException {
    write("scoring/fit.drl", SCORING_HEADER);
    write("dashboards/terms.drl", "package dashboards;\n");

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.file()).isEqualTo("dashboards/terms.drl"));
  }

  @Test
  void ruleFileDeclaringAnotherStagesPackageIsRejectedAtItsPackageLine() throws IOException {
    write(
        "scoring/fit.drl",
        """
        // Fit rules
        package routing;
        import dev.accord.rules.lead.Lead;
        """);

    assertThat(rejectionOf(folder).problems())
        .containsExactly(
            new RulebookProblem(
                "scoring/fit.drl",
                2,
                "the package is 'routing'; a rule file in scoring/ says 'package scoring;' (or"
                    + " scoring.<name>), or its rules would run in another stage or never"));
  }

  @Test
  void ruleFileWithoutAPackageOrBehindACommentedOutOneRunsInItsFoldersStage() throws Exception {
    write(
        "scoring/fit.drl",
        """
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.ScoreSheet;
        global ScoreSheet fit;
        rule "German leads fit" when Lead( country == "DE" ) then fit.award(20); end
        """);
    write(
        "routing/territories.drl",
        """
        /* Copy this header into new files:
        package routing;
        */
        package routing;
        import dev.accord.rules.decision.Scores;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;
        rule "Leads of 20 fit points go to EMEA" when Scores( fit == 20 ) then routing.toTeam("emea"); end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, null, "DE", null, null));

    assertThat(decision.fit()).isEqualTo(20);
    assertThat(decision.team()).contains("emea");
  }

  @Test
  void ruleSharingAnActivationGroupWithAnotherStageIsRejectedAtItsRule() throws IOException {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "Once in scoring" activation-group "once" when Lead( ) then fit.award(2); end
            """);
    write(
        "routing/territories.drl",
        """
        package routing;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;
        rule "Once in routing" activation-group "once" when Lead( ) then routing.toTeam("emea"); end
        """);

    String shared =
        "activation-group 'once' has rules in scoring and routing; only one rule of a group fires"
            + " for a lead, so a group belongs to one stage (name the other stage's group"
            + " differently)";
    assertThat(rejectionOf(folder).problems())
        .containsExactlyInAnyOrder(
            new RulebookProblem("scoring/fit.drl", 5, shared),
            new RulebookProblem("routing/territories.drl", 5, shared));
  }

  @Test
  void factsARuleInsertsOrDeletesStayInItsStage() throws Exception {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            import dev.accord.rules.lead.Grade;
            import dev.accord.rules.decision.Graded;

            rule "A scoring rule that claims an A grade" salience 10
            when
                Lead( )
            then
                insert(new Graded(Grade.A, 99, 99));
            end

            rule "A scoring rule that drops the lead"
            when
                $lead : Lead( )
            then
                fit.award(1);
                delete($lead);
            end
            """);
    write(
        "routing/territories.drl",
        """
        package routing;
        import dev.accord.rules.lead.Grade;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.Graded;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;
        rule "A leads go to the key accounts team" salience 10
        when Graded( grade == Grade.A ) then routing.toTeam("key-accounts"); end
        rule "German leads go to EMEA" when Lead( country == "DE" ) then routing.toTeam("emea"); end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, null, "DE", null, null));

    assertThat(decision.grade()).isEqualTo(Grade.D);
    assertThat(decision.team()).contains("emea");
  }

  @Test
  void eachStagesRulesFireInTheirTurnSeeingTheFactsOfTheStagesBefore() throws Exception {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            import dev.accord.rules.decision.Graded;

            rule "Scoring cannot see the grade, which comes later"
            when
                Graded( )
            then
                fit.award(100);
            end

            rule "German leads fit"
            when
                Lead( country == "DE" )
            then
                fit.award(20);
            end
            """);
    write(
        "grading/grade.drl",
        """
        package grading;
        import dev.accord.rules.lead.Grade;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.Scores;
        import dev.accord.rules.decision.GradeSheet;
        global GradeSheet grading;

        rule "A German lead of 20 fit points is a B lead"
        when
            Lead( country == "DE" )
            Scores( fit == 20 )
        then
            grading.assign(Grade.B);
        end
        """);
    write(
        "routing/territories.drl",
        """
        package routing;
        import dev.accord.rules.lead.Grade;
        import dev.accord.rules.decision.Graded;
        import dev.accord.rules.decision.Scores;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;

        rule "B leads of 20 fit points go to the EMEA team"
        when
            Scores( fit == 20 )
            Graded( grade == Grade.B )
        then
            routing.toTeam("emea");
        end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, null, "DE", null, null));

    assertThat(decision.fit()).isEqualTo(20);
    assertThat(decision.grade()).isEqualTo(Grade.B);
    assertThat(decision.team()).contains("emea");
    assertThat(decision.reasons())
        .extracting(Reason::rule)
        .containsExactly(
            "German leads fit",
            "A German lead of 20 fit points is a B lead",
            "B leads of 20 fit points go to the EMEA team");
  }

  @Test
  void globalTheStageDoesNotOfferIsRejected() throws IOException {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            global ScoreSheet intent;

            rule "Demo requests show intent"
            when
                Lead( action == "demo" )
            then
                intent.award(10);
            end
            """);

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo("scoring/fit.drl");
              assertThat(problem.line()).isEqualTo(5);
              assertThat(problem.reason()).contains("intent", "engagement, fit");
            });
  }

  @Test
  void rulebookWithOnlyScoringRulesGradesEveryLeadDAndRoutesNowhere() throws Exception {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "Everyone fits a little"
            when
                Lead( )
            then
                fit.award(1);
            end
            """);
    Files.createDirectories(folder.resolve("grading"));

    Decision decision = Rulebook.compile(folder).decide(lead("CEO", 5000, "US", "event", "demo"));

    assertThat(decision.fit()).isEqualTo(1);
    assertThat(decision.grade()).isEqualTo(Grade.D);
    assertThat(decision.team()).isEmpty();
    assertThat(decision.reasons())
        .containsExactly(new Reason(Concern.FIT, "Everyone fits a little", 1));
  }

  @Test
  void ruleFileInASubFolderOfAStageRunsWithThatStage() throws Exception {
    write(
        "scoring/partners/referrals.drl",
        """
        package scoring.partners;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.ScoreSheet;
        global ScoreSheet engagement;

        rule "Partner referrals are warm"
        when
            Lead( source == "partner" )
        then
            engagement.award(7);
        end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, null, "DE", "partner", null));

    assertThat(decision.engagement()).isEqualTo(7);
  }

  @Test
  void whenSeveralGradingRulesFireTheBestGradeWinsAndAllAreShown() throws Exception {
    write(
        "grading/grade.drl",
        """
        package grading;
        import dev.accord.rules.lead.Grade;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.GradeSheet;
        global GradeSheet grading;

        rule "Everyone is at least a C"
        when
            Lead( )
        then
            grading.assign(Grade.C);
        end

        rule "Germans are B leads"
        when
            Lead( country == "DE" )
        then
            grading.assign(Grade.B);
        end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, null, "DE", null, null));

    assertThat(decision.grade()).isEqualTo(Grade.B);
    assertThat(decision.reasons())
        .containsExactlyInAnyOrder(
            new Reason(Concern.GRADE, "Everyone is at least a C", 0),
            new Reason(Concern.GRADE, "Germans are B leads", 0));
  }

  @Test
  void whenTwoTerritoriesClaimALeadTheOneWithHigherSalienceWins() throws Exception {
    write(
        "routing/territories.drl",
        """
        package routing;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.TeamChoice;
        global TeamChoice routing;

        rule "German leads go to the EMEA team"
        when
            Lead( country == "DE" )
        then
            routing.toTeam("emea");
        end

        rule "Leads from big German companies go to the DACH enterprise team"
            salience 10
        when
            Lead( country == "DE", employees >= 1000 )
        then
            routing.toTeam("dach-enterprise");
        end
        """);

    Decision decision = Rulebook.compile(folder).decide(lead(null, 5000, "DE", null, null));

    assertThat(decision.team()).contains("dach-enterprise");
    assertThat(decision.reasons())
        .containsExactly(
            new Reason(
                Concern.ROUTING,
                "Leads from big German companies go to the DACH enterprise team",
                0));
  }

  @Test
  void ruleThatKeepsRetriggeringItselfIsStoppedInsteadOfHangingTheServer() throws Exception {
    write(
        "scoring/fit.drl",
        SCORING_HEADER
            + """
            rule "Every lead is worth another look"
            when
                $lead : Lead( )
            then
                update($lead);
            end
            """);
    Rulebook rulebook = Rulebook.compile(folder);

    assertThatThrownBy(() -> rulebook.decide(lead(null, null, "DE", null, null)))
        .isInstanceOf(RuleBudgetExceededException.class)
        .hasMessage(
            "rule \"Every lead is worth another look\" fired more than 10000 times for one lead"
                + " and was stopped; it probably triggers itself again (update without no-loop)");
  }

  @Test
  void anSlaTermWithoutAnOwnerOrAWayToStopItIsRejectedAtItsRule() throws IOException {
    write("scoring/fit.drl", SCORING_HEADER);
    write(
        "sla/terms.drl",
        """
        package sla;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.sla.BusinessTime;
        import dev.accord.rules.sla.SlaTerms;
        global SlaTerms sla;
        rule "Every lead is called within an hour"
        when
            Lead()
        then
            sla.clock("Call").within(BusinessTime.hours(1));
        end
        """);
    assertThatThrownBy(() -> Rulebook.compile(folder))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .singleElement()
                    .satisfies(
                        problem -> {
                          assertThat(problem.file()).isEqualTo("sla/terms.drl");
                          assertThat(problem.line()).isEqualTo(6);
                          assertThat(problem.reason())
                              .startsWith(
                                  "for a grade A lead this clock term fails: rule \"Every lead is"
                                      + " called within an hour\" starts clock \"Call\" without"
                                      + " who owes it (.owedBy(Side.SALES)), what satisfies it"
                                      + " (.stoppedBy(Activity.TOUCH))");
                        }));
  }

  @Test
  void anSlaTermCountingInACalendarThatDoesNotExistIsRejectedAtItsRule() throws Exception {
    write("scoring/fit.drl", SCORING_HEADER);
    write(
        "sla/terms.drl",
        """
        package sla;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.sla.*;
        global SlaTerms sla;
        rule "Every lead is called within an hour of the EMEA day"
        when
            Lead()
        then
            sla.clock("Call").owedBy(Side.SALES).within(BusinessTime.hours(1))
               .inCalendar("emae").stoppedBy(Activity.TOUCH);
        end
        """);
    assertThatThrownBy(() -> Rulebook.compile(folder))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "sla/terms.drl",
                            5,
                            "for a grade A lead this clock term fails: rule \"Every lead is called"
                                + " within an hour of the EMEA day\" counts clock \"Call\" in"
                                + " calendar 'emae', which is not one of"
                                + " calendars/[around-the-clock]")));
  }

  @Test
  void anUnknownSettingInTheAgreementIsRejectedWithItsLine() throws IOException {
    write("scoring/fit.drl", SCORING_HEADER);
    write(
        "agreement.yaml",
        """
        rejectReasons:
          no-budget: No budget
        marketing:
          mqlsPerMonth:
            emea: 40
          acceptanceGoal: 60
        """);

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo("agreement.yaml");
              assertThat(problem.line()).isEqualTo(6);
              assertThat(problem.reason())
                  .isEqualTo(
                      "'acceptanceGoal' is not a setting of the agreement; known: acceptanceTarget,"
                          + " mqlGrades, mqlsPerMonth");
            });
  }

  @Test
  void aSettingsFileOutsideTheAgreementAndTheCalendarsIsRejectedBecauseNothingReadsIt()
      throws IOException {
    write("scoring/fit.drl", SCORING_HEADER);
    write("sla/terms.yaml", "firstTouch: 15m\n");

    assertThat(rejectionOf(folder).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo("sla/terms.yaml");
              assertThat(problem.reason())
                  .isEqualTo(
                      "settings files are agreement.yaml, columns.yaml and calendars/<name>.yaml; this"
                          + " one would never be read");
            });
  }

  private void write(String relativePath, String content) throws IOException {
    Path file = folder.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static RulebookRejectedException rejectionOf(Path folder) {
    RulebookRejectedException rejection =
        catchThrowableOfType(RulebookRejectedException.class, () -> Rulebook.compile(folder));
    assertThat(rejection).as("the rulebook should have been rejected").isNotNull();
    return rejection;
  }

  private static void copyDemoRulebookTo(Path target) throws IOException {
    Path source = DemoRulebook.folder();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
  }
}
