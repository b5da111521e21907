package dev.accord.rules;

import static dev.accord.rules.DemoRulebook.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.ClockTerm;
import dev.accord.rules.sla.ClockTerm.StageTerm;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo agreement's terms, one scenario each: which clocks a lead starts, owed by whom, how
 * fast.
 */
class DemoAgreementTest {

  private static final Set<Activity> FIRST_TOUCH_STOPS =
      Set.of(
          Activity.TOUCH, Activity.CONNECT, Activity.REJECT, Activity.DISQUALIFY, Activity.CONVERT);
  private static final StageTerm REP_AT_HALF = new StageTerm(50, Set.of(Recipient.REP));
  private static final StageTerm REP_AND_MANAGER_AT_THREE_QUARTERS =
      new StageTerm(75, Set.of(Recipient.REP, Recipient.MANAGER));
  private static final StageTerm BREACH_TO_BOTH_HEADS = new StageTerm(100, Set.of(Recipient.HEADS));

  private static Rulebook rulebook;

  @BeforeAll
  static void compileTheDemoRulebook() throws RulebookRejectedException {
    rulebook = Rulebook.compile(DemoRulebook.folder());
  }

  @Test
  void salesOwesAnALeadAFirstTouchWithin15BusinessMinutesOrItIsReRouted() {
    Decision decision = rulebook.decide(lead("VP of Operations", 800, "DE", "webinar", "demo"));

    assertThat(decision.grade()).isEqualTo(Grade.A);
    assertThat(clocksOf(decision).get("First touch"))
        .isEqualTo(
            new ClockTerm(
                "First touch",
                "Sales touches an A lead within 15 business minutes",
                Side.SALES,
                Duration.ofMinutes(15),
                Optional.empty(),
                java.util.List.of(
                    REP_AT_HALF, REP_AND_MANAGER_AT_THREE_QUARTERS, BREACH_TO_BOTH_HEADS),
                FIRST_TOUCH_STOPS,
                0,
                Set.of(),
                true));
  }

  @Test
  void salesOwesABLeadAFirstTouchWithin4BusinessHours() {
    Decision decision =
        rulebook.decide(lead("Director of Finance", 300, "US", "website", "pricing"));

    assertThat(decision.grade()).isEqualTo(Grade.B);
    ClockTerm firstTouch = clocksOf(decision).get("First touch");
    assertThat(firstTouch.rule()).isEqualTo("Sales touches a B lead within 4 business hours");
    assertThat(firstTouch.target()).isEqualTo(Duration.ofHours(4));
    assertThat(firstTouch.owner()).isEqualTo(Side.SALES);
    assertThat(firstTouch.rerouteOnBreach()).isFalse();
  }

  @Test
  void salesOwesACLeadAFirstTouchWithinOneBusinessDayOfEightHours() {
    Decision decision =
        rulebook.decide(lead("Marketing Manager", 60, "BR", "paid-search", "newsletter"));

    assertThat(decision.grade()).isEqualTo(Grade.C);
    ClockTerm firstTouch = clocksOf(decision).get("First touch");
    assertThat(firstTouch.rule()).isEqualTo("Sales touches a C lead within 1 business day");
    assertThat(firstTouch.target()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aDLeadStartsNoSalesClock() {
    Decision decision =
        rulebook.decide(lead("Student Assistant", 5, "IN", "website", "whitepaper"));

    assertThat(decision.grade()).isEqualTo(Grade.D);
    assertThat(decision.clocks()).isEmpty();
  }

  @Test
  void salesAcceptsOrRejectsEveryGradedLeadWithinOneBusinessDay() {
    Decision decision = rulebook.decide(lead("Head of IT", 120, "AU", "event", "trial"));

    ClockTerm acceptOrReject = clocksOf(decision).get("Accept or reject");
    assertThat(acceptOrReject.owner()).isEqualTo(Side.SALES);
    assertThat(acceptOrReject.target()).isEqualTo(Duration.ofHours(8));
    assertThat(acceptOrReject.stoppedBy())
        .containsExactlyInAnyOrder(
            Activity.ACCEPT, Activity.REJECT, Activity.DISQUALIFY, Activity.CONVERT);
  }

  @Test
  void salesTriesAnALeadSixTimesInTenBusinessDaysUnlessItReachesThePerson() {
    Decision decision = rulebook.decide(lead("VP of Operations", 800, "DE", "webinar", "demo"));

    ClockTerm cadence = clocksOf(decision).get("Follow-up cadence");
    assertThat(cadence.target()).isEqualTo(Duration.ofHours(80));
    assertThat(cadence.stopAfter()).isEqualTo(6);
    assertThat(cadence.counted()).containsExactlyInAnyOrder(Activity.TOUCH, Activity.CONNECT);
    assertThat(cadence.stoppedBy())
        .containsExactlyInAnyOrder(
            Activity.CONNECT, Activity.REJECT, Activity.DISQUALIFY, Activity.CONVERT);
    assertThat(cadence.stages())
        .containsExactly(
            new StageTerm(50, Set.of(Recipient.REP)),
            new StageTerm(80, Set.of(Recipient.REP, Recipient.MANAGER)),
            BREACH_TO_BOTH_HEADS);
  }

  @Test
  void marketingOwesTheMissingPhoneOfAHandedOverLeadWithinOneBusinessDay() {
    Decision decision =
        rulebook.decide(
            new Lead(
                "sam@example.com",
                "Sam",
                "Doe",
                "Example Ltd",
                "VP Sales",
                800,
                "DE",
                null,
                "webinar",
                "demo"));

    ClockTerm handoff = clocksOf(decision).get("Handoff completeness");
    assertThat(handoff.owner()).isEqualTo(Side.MARKETING);
    assertThat(handoff.target()).isEqualTo(Duration.ofHours(8));
    assertThat(handoff.stoppedBy())
        .containsExactlyInAnyOrder(Activity.COMPLETE_DATA, Activity.DISQUALIFY);
    assertThat(handoff.stages())
        .containsExactly(
            new StageTerm(75, Set.of(Recipient.HEAD_OF_MARKETING)), BREACH_TO_BOTH_HEADS);
  }

  @Test
  void aLeadWithPhoneCompanyAndTitleOwesMarketingNothing() {
    Decision decision = rulebook.decide(lead("VP of Operations", 800, "DE", "webinar", "demo"));

    assertThat(decision.clocks()).extracting(ClockTerm::owner).containsOnly(Side.SALES);
  }

  @Test
  void aDemoLeadMustBeTouchedWithinTwoMinutesAroundTheClockWhateverItsGrade() {
    Decision decision = rulebook.decide(lead("VP of Operations", 800, "DE", "sla-demo", "demo"));

    ClockTerm firstTouch = clocksOf(decision).get("First touch");
    assertThat(firstTouch.rule())
        .isEqualTo("Demo leads are touched within 2 minutes, around the clock");
    assertThat(firstTouch.target()).isEqualTo(Duration.ofMinutes(2));
    assertThat(firstTouch.calendar()).contains("around-the-clock");
    assertThat(firstTouch.rerouteOnBreach()).isFalse();
    assertThat(rulebook.calendars().names()).contains("around-the-clock", "emea", "americas");
  }

  @Test
  void theAgreementListsTheReasonsSalesMayGiveForARejection() {
    assertThat(rulebook.agreement().rejectReasons())
        .containsOnlyKeys(
            "not-a-fit",
            "no-budget",
            "no-authority",
            "bad-contact-data",
            "duplicate",
            "student-or-job-seeker",
            "competitor");
    assertThat(rulebook.agreement().mqlsPerMonth()).isEqualTo(Map.of("emea", 40, "americas", 30));
    assertThat(rulebook.agreement().acceptanceTargetPercent()).isEqualTo(60);
  }

  private static Map<String, ClockTerm> clocksOf(Decision decision) {
    return decision.clocks().stream()
        .collect(Collectors.toMap(ClockTerm::name, Function.identity()));
  }
}
