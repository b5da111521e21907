package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rulebook is what sits in its folder: a link out of it (to a file or folder elsewhere on the
 * server) is refused by name, while the folder itself may be a link to a release folder.
 */
class RulebookFolderLinksTest {

  @TempDir Path work;

  @Test
  void aLinkFromTheRulebookToAFileOutsideItIsRefusedByName() throws Exception {
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    Path secret = Files.writeString(work.resolve("secret.drl"), "package scoring;\n");
    Files.createSymbolicLink(rulebook.resolve("scoring/borrowed.drl"), secret);
    Files.createDirectories(work.resolve("elsewhere/sla"));
    Files.createSymbolicLink(rulebook.resolve("sla/more"), work.resolve("elsewhere/sla"));

    assertThatThrownBy(() -> Rulebook.compile(rulebook))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .containsExactlyInAnyOrder(
                        new RulebookProblem(
                            "scoring/borrowed.drl",
                            0,
                            "is a link to a place outside the rulebook folder; rulebook files"
                                + " must sit inside it"),
                        new RulebookProblem(
                            "sla/more",
                            0,
                            "is a link to a place outside the rulebook folder; rulebook files"
                                + " must sit inside it")));
  }

  @Test
  void aRulebookFolderThatIsItselfALinkCompiles() throws Exception {
    Path release = DemoRulebook.copyTo(work.resolve("releases/2026-12-08"));
    Path current = Files.createSymbolicLink(work.resolve("current"), release);

    assertThat(Rulebook.compile(current).version())
        .isEqualTo(Rulebook.compile(DemoRulebook.folder()).version());
  }
}
