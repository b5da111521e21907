package dev.accord.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fairness inside a team, as a rep who was passed over would check it. */
class TeamRotationTest {

  @Test
  void repWhoWaitedLongestSinceTheirLastLeadGetsTheNextOne() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r1", "Ana Costa", true, 300L),
                new RepInRotation("r2", "Ben Okafor", true, 100L),
                new RepInRotation("r3", "Chen Wei", true, 200L)));

    assertThat(pick.chosenRepId()).contains("r2");
    assertThat(pick.candidates())
        .containsExactly(
            new Candidate("r2", true, "next in rotation: waited longest since last lead"),
            new Candidate("r3", false, "had a lead more recently than Ben Okafor"),
            new Candidate("r1", false, "had a lead more recently than Ben Okafor"));
  }

  @Test
  void repWhoNeverHadALeadGoesBeforeEveryoneWhoDid() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r1", "Ana Costa", true, 1L),
                new RepInRotation("r9", "Dana Novak", true, null)));

    assertThat(pick.chosenRepId()).contains("r9");
    assertThat(pick.candidates())
        .containsExactly(
            new Candidate("r9", true, "next in rotation: has not had a lead yet"),
            new Candidate("r1", false, "had a lead more recently than Dana Novak"));
  }

  @Test
  void unavailableRepIsSkippedWithTheReasonEvenWhenNextInLine() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r1", "Ana Costa", false, null),
                new RepInRotation("r2", "Ben Okafor", true, 500L)));

    assertThat(pick.chosenRepId()).contains("r2");
    assertThat(pick.candidates())
        .containsExactly(
            new Candidate("r2", true, "next in rotation: waited longest since last lead"),
            new Candidate("r1", false, "not available"));
  }

  @Test
  void repsWhoWaitedEquallyLongAreOrderedByRepId() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r2", "Ben Okafor", true, 7L),
                new RepInRotation("r1", "Ana Costa", true, 7L)));

    assertThat(pick.chosenRepId()).contains("r1");
    assertThat(pick.candidates())
        .extracting(Candidate::repId, Candidate::chosen)
        .containsExactly(tuple("r1", true), tuple("r2", false));
    assertThat(pick.candidates().get(1).reason()).contains("Ana Costa", "rep id");
  }

  @Test
  void teamWithNobodyAvailablePicksNoOneAndSaysWhy() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r1", "Ana Costa", false, 1L),
                new RepInRotation("r2", "Ben Okafor", false, null)));

    assertThat(pick.chosenRepId()).isEmpty();
    assertThat(pick.candidates())
        .containsExactly(
            new Candidate("r2", false, "not available"),
            new Candidate("r1", false, "not available"));
  }

  @Test
  void aRepWhoCannotTakeLeadsIsSkippedWithTheirOwnReason() {
    RotationPick pick =
        TeamRotation.pick(
            List.of(
                new RepInRotation("r1", "Ana Costa", false, null, "out of office until 3 Dec"),
                new RepInRotation("r2", "Ben Okafor", false, 2L, "at capacity: 5 of 5 open leads"),
                new RepInRotation("r3", "Chen Wei", true, 9L)));

    assertThat(pick.chosenRepId()).contains("r3");
    assertThat(pick.candidates())
        .containsExactly(
            new Candidate("r3", true, "next in rotation: waited longest since last lead"),
            new Candidate("r1", false, "out of office until 3 Dec"),
            new Candidate("r2", false, "at capacity: 5 of 5 open leads"));
  }
}
