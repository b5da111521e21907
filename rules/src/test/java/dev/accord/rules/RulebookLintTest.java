package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silent mistakes are reported as warnings with file and line, and never block a publish. */
class RulebookLintTest {

  @Test
  void aCountryNameWhereLeadsCarryCodesAndTheCountriesNoTerritoryCoversAreWarnedOf(
      @TempDir Path folder) throws Exception {
    write(
        folder.resolve("routing/territories.drl"),
        """
        package routing;

        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.TeamChoice;

        global TeamChoice routing;

        rule "German leads go to the DACH team"
        when
            Lead( country == "Germany" )
        then
            routing.toTeam("dach");
        end

        rule "Everyone else goes to the world team"
        when
            Lead( country not in ("Germany", "AQ") )
        then
            routing.toTeam("world");
        end
        """);

    Rulebook rulebook = Rulebook.compile(folder);

    assertThat(rulebook.warnings())
        .containsExactly(
            new RulebookProblem(
                "routing/territories.drl",
                10,
                "country is compared with 'Germany', which no lead carries: leads hold ISO 3166"
                    + " alpha-2 codes such as DE, GB, US, so this condition never matches"),
            new RulebookProblem(
                "routing/territories.drl",
                17,
                "country is compared with 'Germany', which no lead carries: leads hold ISO 3166"
                    + " alpha-2 codes such as DE, GB, US, so this condition never matches"),
            new RulebookProblem(
                "routing/",
                0,
                "1 countries are covered by no territory, so their leads get no team: AQ"));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
