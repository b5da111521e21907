package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Lead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rulebook reuses the sessions its decisions ran in; a decision must not tell whether its session
 * is new or has decided other leads before, on this thread or another.
 */
class ReusedSessionsTest {

  @TempDir Path folder;

  @Test
  void aLeadIsDecidedAsIfNoLeadHadBeenDecidedBeforeIt() throws Exception {
    Files.createDirectories(folder.resolve("scoring"));
    Files.writeString(
        folder.resolve("scoring/fit.drl"),
        """
        package scoring;
        import dev.accord.rules.lead.Lead;
        import dev.accord.rules.decision.ScoreSheet;
        import dev.accord.rules.decision.Scores;
        global ScoreSheet fit;

        rule "German leads are marked as German"
        when
            Lead( country == "DE" )
        then
            insert(new Scores(5, 0));
        end

        rule "Leads marked as German fit well"
        when
            Scores( fit == 5 )
        then
            fit.award(5);
        end

        rule "Leads from outside Germany fit a little"
        when
            not Lead( country == "DE" )
        then
            fit.award(1);
        end
        """);
    Rulebook rulebook = Rulebook.compile(folder);
    Reason german = new Reason(Concern.FIT, "Leads marked as German fit well", 5);
    Reason outside = new Reason(Concern.FIT, "Leads from outside Germany fit a little", 1);

    for (int round = 0; round < 3; round++) {
      Decision fromGermany = rulebook.decide(lead(null, null, "DE", null, null));
      Decision fromFrance = rulebook.decide(lead(null, null, "FR", null, null));
      // Two leads in a row outside Germany: the `not` matches no lead, so it fires again only in
      // a session that has not fired it before.
      Decision fromFranceAgain = rulebook.decide(lead(null, null, "FR", null, null));

      assertThat(fromGermany.fit()).isEqualTo(5);
      assertThat(fromGermany.reasons()).containsExactly(german);
      assertThat(fromFrance.fit()).isEqualTo(1);
      assertThat(fromFrance.reasons()).containsExactly(outside);
      assertThat(fromFranceAgain.reasons()).containsExactly(outside);
    }
  }

  @Test
  void leadsDecidedOnManyThreadsAtOnceGetTheDecisionsTheyGetOneAtATime() throws Exception {
    Rulebook rulebook = Rulebook.compile(DemoRulebook.folder());
    // Every demo rule starts from a fact of the lead, so its sessions are kept and reused.
    assertThat(rulebook.reusesSessions()).isTrue();
    List<Lead> leads = new ArrayList<>();
    List<String> countries = List.of("DE", "US", "FR", "BR", "JP", "AQ");
    List<String> titles = List.of("CEO", "Student", "VP of Sales", "Director of IT");
    for (int i = 0; i < 240; i++) {
      leads.add(
          lead(
              titles.get(i % titles.size()),
              10 + 97 * i,
              countries.get(i % countries.size()),
              i % 5 == 0 ? "sla-demo" : "webinar",
              i % 2 == 0 ? "demo" : "newsletter"));
    }
    List<Decision> oneAtATime = leads.stream().map(rulebook::decide).toList();

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Decision>>> deciders = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        deciders.add(() -> leads.stream().map(rulebook::decide).toList());
      }
      for (Future<List<Decision>> decided : threads.invokeAll(deciders)) {
        assertThat(decided.get()).containsExactlyElementsOf(oneAtATime);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aClosedRulebookStillDecidesLeadsStillInFlight() throws Exception {
    Rulebook rulebook = Rulebook.compile(DemoRulebook.folder());
    Lead lead = lead("CEO", 5000, "DE", "webinar", "demo");
    Decision beforeClosing = rulebook.decide(lead);

    rulebook.close();

    assertThat(rulebook.decide(lead)).isEqualTo(beforeClosing);
    assertThat(rulebook.decide(lead)).isEqualTo(beforeClosing);
  }
}
