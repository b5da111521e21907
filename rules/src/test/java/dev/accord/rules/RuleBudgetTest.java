package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that loop, allocate or take too long are stopped at the budget of their run, named, and
 * never hold up the caller: a change is rejected, a live decision fails with the reason.
 */
class RuleBudgetTest {

  private static final String SCORING =
      """
      package scoring;
      import dev.accord.rules.lead.Lead;
      import dev.accord.rules.decision.Scores;
      import dev.accord.rules.decision.ScoreSheet;
      global ScoreSheet fit;
      """;

  @TempDir Path work;

  @Test
  void aRuleThatTriggersItselfForeverIsRejectedAtItsScenarioNamingTheRule() throws Exception {
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    write(
        rulebook,
        SCORING
            + """
            rule "Every lead is looked at again"
            when
                $lead : Lead( )
            then
                update($lead);
            end
            """);

    RuleBudget fewFirings =
        new RuleBudget(Duration.ofSeconds(30), Duration.ofSeconds(60), 1000, 100);

    assertThatThrownBy(() -> Rulebook.compile(rulebook, false, fewFirings))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .first()
                    .satisfies(
                        problem -> {
                          assertThat(problem.file()).isEqualTo("scenarios.csv");
                          assertThat(problem.reason())
                              .endsWith(
                                  ": rule \"Every lead is looked at again\" fired more than 1000 times for"
                                      + " one lead and was stopped; it probably triggers itself again (update without"
                                      + " no-loop)");
                        }));
  }

  @Test
  void aRuleThatInsertsFactsWithoutEndIsStoppedAtTheFactLimit() throws Exception {
    write(
        work,
        SCORING
            + """
            rule "Scores breed scores"
            when
                Scores( )
            then
                insert(new Scores(1, 1));
            end
            rule "A lead starts the breeding"
            when
                Lead( )
            then
                insert(new Scores(0, 0));
            end
            """);
    Rulebook rulebook = Rulebook.compile(work);

    assertThatThrownBy(() -> rulebook.decide(lead("CEO", 10, "DE", null, null)))
        .isInstanceOf(RuleBudgetExceededException.class)
        .hasMessage(
            "rule \"Scores breed scores\" inserted more than 20 facts for one lead and was"
                + " stopped");
  }

  @Test
  void aDecisionThatRunsPastItsTimeIsStoppedThereNamingTheRule() throws Exception {
    write(
        work,
        SCORING
            + """
            rule "Every lead is looked at again"
            when
                $lead : Lead( )
            then
                update($lead);
            end
            """);
    RuleBudget generous =
        new RuleBudget(Duration.ofMillis(50), Duration.ofSeconds(30), 1 << 30, 100);
    Rulebook rulebook = Rulebook.compile(work, false, generous);

    assertThatThrownBy(() -> rulebook.decide(lead("CEO", 10, "DE", null, null)))
        .isInstanceOfSatisfying(
            RuleBudgetExceededException.class,
            stopped -> {
              assertThat(stopped.rule()).isEqualTo("Every lead is looked at again");
              assertThat(stopped)
                  .hasMessage(
                      "rule \"Every lead is looked at again\" was firing when the decision of one"
                          + " lead went past its budget of 50 ms and was stopped");
            });
  }

  @Test
  void aCompileThatRunsPastItsBudgetIsRejectedTheLiveRulesKeepDecidingAndNoCompileStartsBesideIt()
      throws Exception {
    Rulebook live = Rulebook.compile(DemoRulebook.folder());
    RuleBudget tight = new RuleBudget(Duration.ofMillis(200), Duration.ofMillis(1), 10_000, 100);

    assertThatThrownBy(() -> Rulebook.compile(DemoRulebook.folder(), false, tight))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            ".",
                            0,
                            "compiling and checking the rulebook took longer than its budget of 1"
                                + " ms and was stopped; look for rules that fire again and again or"
                                + " conditions that join many facts")));
    assertThat(live.decide(lead("CEO", 1500, "DE", "referral", "demo")).team()).contains("emea");
    // The abandoned compile runs on until it ends; no compile starts beside it meanwhile.
    assertThatThrownBy(() -> Rulebook.compile(DemoRulebook.folder()))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(RulebookProblem::reason)
                    .containsExactly(
                        "an earlier compile that ran past its budget is still running and cannot"
                            + " be stopped before it ends; try again in a minute"));
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().equals("accord-rulebook-compile")) {
        thread.join();
      }
    }
    assertThat(Rulebook.compile(DemoRulebook.folder()).version()).isEqualTo(live.version());
  }

  @Test
  void aRulebookOfMoreRulesThanACompileCanTakeIsRefusedBeforeTheEngineCompilesIt()
      throws Exception {
    StringBuilder rules = new StringBuilder(SCORING);
    for (int i = 0; i <= RuleSafety.MAX_RULES; i++) {
      rules.append("rule \"Rule ").append(i).append("\" when Lead( ) then fit.award(1); end\n");
    }
    write(work, rules.toString());

    assertThatThrownBy(() -> Rulebook.compile(work))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            ".",
                            0,
                            "the rulebook has 5001 rules; a rulebook has at most 5000 (the demo"
                                + " has about 300), so that a change compiles within its"
                                + " budget")));
  }

  private static void write(Path folder, String drl) throws IOException {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(folder.resolve("scoring/looping.drl"), drl);
  }
}
