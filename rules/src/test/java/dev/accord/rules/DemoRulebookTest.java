package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo rulebook as a sales manager would check it: one lead, one expected outcome. */
class DemoRulebookTest {

  private static Rulebook rulebook;

  @BeforeAll
  static void compileTheDemoRulebook() throws RulebookRejectedException {
    rulebook = Rulebook.compile(DemoRulebook.folder());
  }

  @Test
  void vpAtAnEightHundredPersonGermanCompanyAskingForADemoIsAnALeadForTheEmeaTeam() {
    Decision decision = rulebook.decide(lead("VP of Operations", 800, "DE", "webinar", "demo"));

    assertThat(decision.grade()).isEqualTo(Grade.A);
    assertThat(decision.team()).contains("emea");
    assertThat(decision.fit()).isEqualTo(55);
    assertThat(decision.engagement()).isEqualTo(55);
    assertThat(decision.reasons())
        .containsExactlyInAnyOrder(
            new Reason(Concern.FIT, "Companies with 200 to 999 employees are a strong fit", 20),
            new Reason(
                Concern.FIT, "Vice presidents and heads of department sponsor purchases", 25),
            new Reason(Concern.FIT, "Leads in our target markets are a better fit", 10),
            new Reason(Concern.ENGAGEMENT, "Webinar attendees spent an hour with us", 15),
            new Reason(Concern.ENGAGEMENT, "Asking for a demo shows buying intent", 40),
            new Reason(
                Concern.GRADE,
                "Fit of 50 or more with engagement of 40 or more makes an A lead",
                0),
            new Reason(Concern.ROUTING, "Leads from Germany (DE) go to the EMEA team", 0));
    assertThat(decision.rulebookVersion()).isEqualTo(rulebook.version());
  }

  @Test
  void replayingALeadScoresAndRoutesItAsTheFullDecisionDoesWithoutSettingOutClocks() {
    Lead lead = lead("VP of Operations", 800, "DE", "webinar", "demo");

    Decision full = rulebook.decide(lead);
    Decision replayed = rulebook.scoreAndRoute(lead);

    assertThat(full.clocks()).extracting(c -> c.name()).contains("First touch");
    assertThat(replayed.clocks()).isEmpty();
    assertThat(replayed).usingRecursiveComparison().ignoringFields("clocks").isEqualTo(full);
  }

  @Test
  void aReturningBankLookingAtTheEnterprisePlanScoresForIndustryAttributeAndReturn() {
    Lead first =
        new Lead(
            "lead@example.com",
            "Alex",
            "Doe",
            "Example Bank",
            "Analyst",
            40,
            "IN",
            null,
            "website",
            "whitepaper",
            " Banking ",
            Map.of("plan", "enterprise"),
            1);
    Lead returning =
        new Lead(
            "lead@example.com",
            "Alex",
            "Doe",
            "Example Bank",
            "Analyst",
            40,
            "IN",
            null,
            "website",
            "whitepaper",
            "Banking",
            Map.of("plan", "enterprise"),
            2);

    Decision once = rulebook.decide(first);
    Decision twice = rulebook.decide(returning);

    assertThat(once.reasons())
        .contains(
            new Reason(
                Concern.FIT, "Banks, insurers and financial services answer to regulators", 15),
            new Reason(Concern.ENGAGEMENT, "Looking at the enterprise plan shows budget", 10))
        .doesNotContain(
            new Reason(
                Concern.ENGAGEMENT,
                "Coming back within the merge window shows growing interest",
                15));
    assertThat(once.engagement()).isEqualTo(20);
    assertThat(twice.engagement()).isEqualTo(35);
    assertThat(twice.reasons())
        .contains(
            new Reason(
                Concern.ENGAGEMENT,
                "Coming back within the merge window shows growing interest",
                15));
  }

  @Test
  void studentFromAFivePersonCompanyDownloadingAWhitepaperIsADLead() {
    Decision decision =
        rulebook.decide(lead("Student Assistant", 5, "IN", "website", "whitepaper"));

    assertThat(decision.grade()).isEqualTo(Grade.D);
    assertThat(decision.fit()).isEqualTo(-30);
    assertThat(decision.engagement()).isEqualTo(10);
    assertThat(decision.reasons())
        .contains(
            new Reason(Concern.FIT, "Students and interns rarely buy", -20),
            new Reason(Concern.GRADE, "Fit and engagement both under 15 make a D lead", 0));
  }

  @Test
  void usDirectorAskingForPricingGoesToTheAmericasTeam() {
    Decision decision =
        rulebook.decide(lead("Director of Finance", 300, "US", "website", "pricing"));

    assertThat(decision.team()).contains("americas");
    assertThat(decision.grade()).isEqualTo(Grade.B);
    assertThat(decision.reasons())
        .contains(
            new Reason(Concern.FIT, "Directors shape purchases", 15),
            new Reason(Concern.ENGAGEMENT, "Asking for pricing shows the lead is budgeting", 30),
            new Reason(
                Concern.ROUTING, "Leads from the United States (US) go to the Americas team", 0));
  }

  @Test
  void australianLeadGoesToTheEmeaTeamBecauseTheirWorkingDaysOverlap() {
    Decision decision = rulebook.decide(lead("Head of IT", 120, "AU", "event", "trial"));

    assertThat(decision.team()).contains("emea");
    assertThat(decision.reasons())
        .filteredOn(reason -> reason.concern() == Concern.ROUTING)
        .containsExactly(
            new Reason(Concern.ROUTING, "Leads from Australia (AU) go to the EMEA team", 0));
  }

  @Test
  void leadFromACountryNoTerritoryCoversGetsNoTeam() {
    // Kosovo's XK is in use but not in ISO 3166, so no territory lists it.
    Decision decision = rulebook.decide(lead("CEO", 2000, "XK", "partner", "contact-sales"));

    assertThat(decision.team()).isEmpty();
    assertThat(decision.reasons()).noneMatch(reason -> reason.concern() == Concern.ROUTING);
    assertThat(decision.grade()).isEqualTo(Grade.A);
  }

  @Test
  void everyIsoCountryHasATerritoryAndTheLintSaysNothing() {
    assertThat(rulebook.warnings()).isEmpty();
    assertThat(rulebook.decide(lead("Analyst", 10, "RU", null, null)).team()).contains("emea");
    assertThat(rulebook.decide(lead("Analyst", 10, "KY", null, null)).team()).contains("americas");
    assertThat(rulebook.decide(lead("Analyst", 10, "WS", null, null)).team()).contains("emea");
  }

  @Test
  void aTitleWithSeveralSeniorityWordsCountsOnceAtItsMostSenior() {
    Decision decision =
        rulebook.decide(lead("Founder & CEO, former Sales Director", null, "GB", null, null));

    assertThat(decision.reasons())
        .filteredOn(reason -> reason.concern() == Concern.FIT)
        .containsExactlyInAnyOrder(
            new Reason(
                Concern.FIT, "C-level executives, founders and owners make buying decisions", 30),
            new Reason(Concern.FIT, "Leads in our target markets are a better fit", 10));
  }

  @Test
  void leadWithOnlyAnEmailAndACountryIsStillDecided() {
    Decision decision =
        rulebook.decide(
            new Lead("x@example.com", null, null, null, null, null, "FR", null, null, null));

    assertThat(decision.fit()).isEqualTo(10);
    assertThat(decision.engagement()).isZero();
    assertThat(decision.grade()).isEqualTo(Grade.D);
    assertThat(decision.team()).contains("emea");
  }

  @Test
  void fourThreadsDecidingAtOnceGetTheSameDecisionsAsOneThread() throws Exception {
    List<Lead> leads =
        List.of(
            lead("VP Sales", 800, "DE", "webinar", "demo"),
            lead("Student", 5, "IN", "website", "whitepaper"),
            lead("Director", 300, "US", "website", "pricing"),
            lead("Head of IT", 120, "AU", "event", "trial"),
            lead("CEO", 2000, "AQ", "partner", "contact-sales"),
            lead("Marketing Manager", 60, "BR", "paid-search", "newsletter"));
    List<Decision> sequential = decideAll(leads, 200);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Callable<List<Decision>> task =
          () -> {
            start.await();
            return decideAll(leads, 200);
          };
      List<Future<List<Decision>>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<List<Decision>> result : results) {
        assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Decision> decideAll(List<Lead> leads, int count) {
    List<Decision> decisions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      decisions.add(rulebook.decide(leads.get(i % leads.size())));
    }
    return decisions;
  }
}
