package dev.accord.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule that reaches out of the rules into the server is refused with its file and line. */
class RuleSafetyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "System.exit(1);|the system (System.…)",
        "new java.io.File(\"/etc/passwd\").delete();|files or the network",
        "new Thread(() -> {}).start();|threads",
        "Class.forName(\"java.lang.Runtime\");|reflection",
        "Runtime.getRuntime().halt(0);|the runtime (Runtime)",
        "drools.halt();|the engine (drools.…, kcontext.…: halting it, moving its focus)"
      })
  void aRuleReachingOutOfTheRulesIsRefused(String consequence, String what, @TempDir Path folder)
      throws IOException {
    write(
        folder,
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        rule "Harmless looking"
        when
            Lead()
        then
            %s
        end
        """
            .formatted(consequence));

    Assertions.assertThat(problemsOf(folder))
        .contains(
            new RulebookProblem(
                "scoring/unsafe.drl",
                7,
                "rules may not reach for "
                    + what
                    + "; a rule only reads the lead and awards points, grades, teams"
                    + " or clocks"));
  }

  @org.junit.jupiter.api.Test
  void aRuleNameLongerThanAReceiptStoresIsRefused(@TempDir Path folder) throws IOException {
    write(
        folder,
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        rule "%s"
        when
            Lead()
        then
        end
        """
            .formatted("x".repeat(401)));

    Assertions.assertThat(problemsOf(folder))
        .containsExactly(
            new RulebookProblem(
                "scoring/unsafe.drl",
                3,
                "the rule's name has 401 characters; a lead's receipt stores at most" + " 400"));
  }

  @ParameterizedTest
  @CsvSource({"agenda-group \"later\"", "ruleflow-group \"flow\"", "auto-focus true"})
  void aRuleChoosingWhenItRunsIsRefusedBecauseItsStageDecides(
      String attribute, @TempDir Path folder) throws IOException {
    write(
        folder,
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        rule "Runs when it likes"
            %s
        when
            Lead()
        then
        end
        """
            .formatted(attribute));

    Assertions.assertThat(problemsOf(folder))
        .containsExactly(
            new RulebookProblem(
                "scoring/unsafe.drl",
                4,
                "'"
                    + attribute.substring(0, attribute.indexOf(' '))
                    + "' is not for rulebook rules: the folder a rule sits in decides"
                    + " when it runs (scoring, then grading, routing and sla), and a"
                    + " group of its own would keep it from running"));
  }

  private static List<RulebookProblem> problemsOf(Path folder) {
    RulebookRejectedException rejected =
        Assertions.catchThrowableOfType(
            RulebookRejectedException.class, () -> Rulebook.compile(folder));
    Assertions.assertThat(rejected).as("the rulebook should have been rejected").isNotNull();
    return rejected.problems();
  }

  private static void write(Path folder, String drl) throws IOException {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(folder.resolve("scoring/unsafe.drl"), drl);
  }
}
