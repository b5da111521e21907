package dev.accord.sla.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.sla.entity.PeriodCommitment.Kind;
import dev.accord.sla.entity.PeriodCommitment.State;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Marketing's monthly promises to a team: the month in the team's time zone, judged once. */
class PeriodCommitmentTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  @Test
  void aMonthRunsFromMidnightToMidnightInTheTeamsTimeZoneAndIsJudgedWhenItEnds() {
    PeriodCommitment volume = new PeriodCommitment("emea", Kind.MQL_VOLUME, NOVEMBER, BERLIN, 40);

    assertThat(volume.getPeriodStart()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(volume.getPeriodEnd()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(volume.getState()).isEqualTo(State.OPEN);
    assertThat(volume.periodName(BERLIN)).isEqualTo("November 2026");
  }

  @Test
  void fewerMqlsThanPromisedBreachTheVolumeCommitmentAndSayHowLateItWasJudged() {
    PeriodCommitment volume = new PeriodCommitment("emea", Kind.MQL_VOLUME, NOVEMBER, BERLIN, 40);

    volume.judge(
        12, "12 leads of grade A or B reached the team", volume.getPeriodEnd().plusSeconds(90));
    volume.judge(45, "a second judgement changes nothing", volume.getPeriodEnd().plusSeconds(95));

    assertThat(volume.getState()).isEqualTo(State.BREACHED);
    assertThat(volume.getDelivered()).isEqualTo(12);
    assertThat(volume.getDetail()).isEqualTo("12 leads of grade A or B reached the team");
    assertThat(volume.getLate()).isEqualTo(Duration.ofSeconds(90));
    assertThat(volume.describe(volume.getPromised())).isEqualTo("40 MQLs");
  }

  @Test
  void anAcceptanceShareAtTheTargetIsMetAndAMonthWithoutAnsweredMqlsBreaksNoPromise() {
    PeriodCommitment met =
        new PeriodCommitment("emea", Kind.ACCEPTANCE_SHARE, NOVEMBER, BERLIN, 60);
    PeriodCommitment unanswered =
        new PeriodCommitment("emea", Kind.ACCEPTANCE_SHARE, NOVEMBER, BERLIN, 60);

    met.judge(60, "sales accepted 3 and rejected 2 of the month's 5 MQLs", met.getPeriodEnd());
    unanswered.judge(
        null, "sales accepted 0 and rejected 0 of the month's 4 MQLs", met.getPeriodEnd());

    assertThat(met.getState()).isEqualTo(State.MET);
    assertThat(met.describe(met.getDelivered())).isEqualTo("60 % accepted");
    assertThat(unanswered.getState()).isEqualTo(State.MET);
    assertThat(unanswered.describe(unanswered.getDelivered())).isEqualTo("none answered");
  }
}
