package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Lead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rulebook guide says a rule may use passes the allow-list and decides as written: fields,
 * bindings, the value types' methods, local values, if/else, and 'matches' run by the linear-time
 * engine with the semantics of Drools' own (a missing value matches no pattern, so it passes 'not
 * matches').
 */
class AllowedRulesTest {

  @TempDir Path folder;

  @Test
  void aRuleUsingWhatTheGuideListsCompilesAndDecidesAsWritten() throws Exception {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(
        folder.resolve("scoring/everything.drl"),
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.ScoreSheet;
        import java.time.Duration;
        import dev.accord.rules.sla.BusinessTime;
        global ScoreSheet fit;
        global ScoreSheet engagement;

        rule "Banks match their pattern"
        when
            Lead( industry matches "(?i)\\\\s*bank(s|ing)?\\\\s*" )
        then
            fit.award(1);
        end

        rule "Anything but insurers"
        when
            Lead( industry not matches "(?i)insurance" )
        then
            fit.award(2);
        end

        rule "Mid-sized companies with a VP, on the enterprise plan"
        when
            $lead : Lead( employees > 10 && < 1000, title != null,
                          title.toLowerCase().contains("vp"), attributes["plan"] == "enterprise",
                          $country : country )
        then
            int points = Math.max(3, $lead.getEngagements());
            if ($country.equals("DE") && BusinessTime.of("1 day").compareTo(Duration.ofHours(8)) == 0) {
                fit.award(points);
            } else {
                fit.award(-100);
            }
            engagement.award(String.valueOf($lead.getEmail()).length());
        end
        """);
    Rulebook rulebook = Rulebook.compile(folder);

    Decision bank =
        rulebook.decide(
            new Lead(
                "ana@bank.example",
                null,
                null,
                "Bank AG",
                "VP Sales",
                200,
                "DE",
                null,
                null,
                null,
                " Banking ",
                Map.of("plan", "enterprise"),
                1));
    Decision unknownIndustry =
        rulebook.decide(new Lead("x@y.example", null, null, null, null, 5, "FR", null, null, null));

    assertThat(bank.reasons())
        .containsExactlyInAnyOrder(
            new Reason(Concern.FIT, "Banks match their pattern", 1),
            new Reason(Concern.FIT, "Anything but insurers", 2),
            new Reason(Concern.FIT, "Mid-sized companies with a VP, on the enterprise plan", 3),
            new Reason(
                Concern.ENGAGEMENT, "Mid-sized companies with a VP, on the enterprise plan", 16));
    assertThat(unknownIndustry.reasons())
        .containsExactly(new Reason(Concern.FIT, "Anything but insurers", 2));
  }
}
