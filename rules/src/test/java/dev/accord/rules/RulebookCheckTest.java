package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulebookCheckTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Test
  void theDemoRulebookPassesWithItsVersionAndNoWarnings() throws Exception {
    String version = Rulebook.compile(DemoRulebook.folder()).version();

    int exit = check(DemoRulebook.folder().toString());

    assertThat(exit).isZero();
    assertThat(output()).startsWith("OK " + version + ": ").endsWith(" compiles.\n");
  }

  @Test
  void aBrokenRuleFailsWithItsFileAndLine(@TempDir Path folder) throws IOException {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(
        folder.resolve("scoring/fit.drl"),
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        rule "Typo"
        when
            Lead( employes > 10 )
        then
        end
        """);

    int exit = check(folder.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(output()).startsWith("REJECTED " + folder + ": 1 problem(s)\n  scoring/fit.drl:5: ");
  }

  @Test
  void withoutAFolderItSaysHowToUseIt() {
    assertThat(check()).isEqualTo(2);
    assertThat(output())
        .isEqualTo(
            "usage: check-rulebook <rulebook folder> [--teams a,b] [--sources x,y] [--actions"
                + " p,q]\n");
  }

  private int check(String... args) {
    return RulebookCheck.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
