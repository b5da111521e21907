package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The business users' example leads in scenarios.csv are the gate every change must pass. */
class ScenariosTest {

  @Test
  void theDemoRulebooksScenariosHold() throws RulebookRejectedException {
    assertThat(Rulebook.compile(DemoRulebook.folder()).version()).startsWith("sha256:");
  }

  @Test
  void aChangeThatBreaksAScenarioIsRejectedNamingItsLineAndWhatChanged(@TempDir Path copy)
      throws IOException {
    copyDemoRulebook(copy);
    // A business user lowers the points of a demo request from 40 to 4.
    Path actions = copy.resolve("scoring/requested-actions.csv");
    Files.writeString(actions, Files.readString(actions).replace(",demo,40", ",demo,4"));

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactly(
                        new RulebookProblem(
                            "scenarios.csv",
                            2,
                            "'A VP at an 800-person company in Germany asking for a demo after a"
                                + " webinar' expects grade A but the rules now give C (fit 55,"
                                + " engagement 19)")));
  }

  @Test
  void aPublishForcedPastFailingScenariosGoesThroughAndNamesThem(@TempDir Path copy)
      throws Exception {
    copyDemoRulebook(copy);
    Path actions = copy.resolve("scoring/requested-actions.csv");
    Files.writeString(actions, Files.readString(actions).replace(",demo,40", ",demo,4"));

    Rulebook forced = Rulebook.compile(copy, true);

    assertThat(forced.failedScenarios()).extracting(RulebookProblem::line).containsExactly(2);
  }

  @Test
  void anUnknownColumnIsRejectedBeforeAnyScenarioRuns(@TempDir Path copy) throws IOException {
    copyDemoRulebook(copy);
    Files.writeString(copy.resolve("scenarios.csv"), "scenario,expect colour\nA,blue\n");

    assertThatThrownBy(() -> Rulebook.compile(copy))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .extracting(RulebookProblem::toString)
                    .singleElement()
                    .asString()
                    .startsWith("scenarios.csv:1: column 'expect colour' is not one of"));
  }

  private static void copyDemoRulebook(Path to) throws IOException {
    Path from = DemoRulebook.folder().toAbsolutePath();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
