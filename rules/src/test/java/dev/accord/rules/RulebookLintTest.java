package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

  @Test
  void teamIdsSourcesAndActionsTheRestOfAccordNeverProducesAreWarnedOfAtTheirRow(
      @TempDir Path folder) throws Exception {
    write(
        folder.resolve("routing/territories.csv"),
        """
        RuleSet,routing
        Import,"dev.accord.rules.lead.Lead, dev.accord.rules.decision.TeamChoice"
        Variables,dev.accord.rules.decision.TeamChoice routing

        RuleTable Territories
        NAME,CONDITION,ACTION
        ,Lead,
        ,"country == ""$param\""","routing.toTeam(""$param"");"
        Rule,Country,Team
        Leads from Germany (DE) go to the EMEA team,DE,emea
        Leads from France (FR) go to the EMEA team,FR,emae
        """);
    write(
        folder.resolve("scoring/engagement.drl"),
        """
        package scoring;

        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.ScoreSheet;

        global ScoreSheet engagement;

        rule "Demo requests from the website"
        when
            Lead( source == "web-site", action in ("demo", "demo-request") )
        then
            engagement.award(40);
        end
        """);
    Rulebook rulebook = Rulebook.compile(folder);

    List<RulebookProblem> warnings =
        rulebook.warnings(
            new Vocabulary(
                Set.of("emea", "americas"), Set.of("website", "partner"), Set.of("demo")));

    assertThat(warnings)
        .contains(
            new RulebookProblem(
                "routing/territories.csv",
                11,
                "team 'emae' is not a team of the organisation (americas, emea), so its leads"
                    + " reach nobody"),
            new RulebookProblem(
                "scoring/engagement.drl",
                10,
                "source is compared with 'web-site', which no channel has sent (did you mean"
                    + " 'website'?); leads so far came with partner, website"),
            new RulebookProblem(
                "scoring/engagement.drl",
                10,
                "action is compared with 'demo-request', which no channel has sent (did you mean"
                    + " 'demo'?); leads so far came with demo"))
        .hasSize(4);
    assertThat(warnings.get(0).reason()).startsWith("247 countries are covered by no territory");
    assertThat(rulebook.warnings(Vocabulary.UNKNOWN)).containsExactly(warnings.get(0));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
