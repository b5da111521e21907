package dev.accord.rules.routing;

import static dev.accord.rules.routing.FairRotation.CatchUp.Kind.CAPPED;
import static dev.accord.rules.routing.FairRotation.CatchUp.Kind.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger drives the rotation: equal shares for equal weights, and reasons a rep can check. */
class FairRotationTest {

  @Test
  void equalWeightRepsEndWithinOneLeadOfEachOtherWhateverTheStart() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 4, "ben", 0, "chen", 2));
    for (int lead = 0; lead < 31; lead++) {
      String next = first(ledger, Map.of());
      ledger.merge(next, 1, Integer::sum);
    }
    // 37 leads in all: 12, 12, 13 in some order.
    assertThat(ledger.values()).containsExactlyInAnyOrder(12, 12, 13);
  }

  @Test
  void aRepOfWeightTwoGetsTwiceTheLeadsOfARepOfWeightOne() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 0, "ben", 0));
    for (int lead = 0; lead < 30; lead++) {
      String next = first(ledger, Map.of("ana", 2));
      ledger.merge(next, 1, Integer::sum);
    }
    assertThat(ledger).containsEntry("ana", 20).containsEntry("ben", 10);
  }

  @Test
  void aRepBackFromAbsenceGetsTheNextLeadsUntilLevel() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 10, "ben", 10, "dana", 2));
    int inARow = 0;
    while (first(ledger, Map.of()).equals("dana")) {
      ledger.merge("dana", 1, Integer::sum);
      inARow++;
    }
    assertThat(inARow).isEqualTo(8);
  }

  @Test
  void withoutCatchUpARepBackFromAbsenceRejoinsLevelWithTheTeam() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 10, "ben", 10, "dana", 2));
    Map<String, Integer> credited = new HashMap<>();

    List<String> nextLeads = rotate(ledger, credited, new FairRotation.CatchUp(NONE, 0), 5);

    // Credited 6 of the 8 leads she trailed by: level with the team once her turn (one lead) and
    // one lead on its way to her have come.
    assertThat(credited).containsExactly(Map.entry("dana", 6));
    assertThat(nextLeads).containsExactly("dana", "dana", "ana", "ben", "dana");
  }

  @Test
  void aCappedCatchUpGivesAReturningRepAtMostTheLimitBeyondTheirTurn() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 10, "ben", 10, "dana", 2));
    Map<String, Integer> credited = new HashMap<>();

    List<String> nextLeads = rotate(ledger, credited, new FairRotation.CatchUp(CAPPED, 3), 8);

    assertThat(credited).containsExactly(Map.entry("dana", 3));
    // Her turn, the lead in flight and three leads of catch-up in a row, then the rotation.
    assertThat(nextLeads)
        .containsExactly("dana", "dana", "dana", "dana", "dana", "ana", "ben", "dana");
  }

  @Test
  void theNormalRotationIsNeverCreditedWhateverThePolicyAndWeights() {
    Map<String, Integer> ledger = new HashMap<>(Map.of("ana", 0, "ben", 0, "eli", 0));
    Map<String, Integer> credited = new HashMap<>();
    Map<String, Integer> weights = Map.of("eli", 2);
    for (int lead = 0; lead < 40; lead++) {
      List<RepInLedger> reps = inLedger(ledger, credited, weights);
      assertThat(FairRotation.catchUpCredits(reps, new FairRotation.CatchUp(NONE, 0))).isEmpty();
      ledger.merge(FairRotation.order(reps).get(0).repId(), 1, Integer::sum);
    }
    assertThat(ledger).containsEntry("ana", 10).containsEntry("ben", 10).containsEntry("eli", 20);
  }

  @Test
  void aCreditedRepIsToldHowManyOfTheirLeadsWereCredited() {
    RepInLedger dana = new RepInLedger("dana", "Dana Novak", true, null, 1, 2, null).credit(6);

    assertThat(
            FairRotation.candidates("B", List.of(dana), List.of(dana), dana, Map.of())
                .get(0)
                .reason())
        .isEqualTo(
            "fewest grade B leads this period for their weight: 8 at weight 1 (6 of them credited"
                + " by the team's catch-up policy)");
  }

  @Test
  void everyRepConsideredIsToldWhyTheyDidOrDidNotGetTheLead() {
    List<RepInLedger> reps =
        List.of(
            new RepInLedger("ana", "Ana Costa", true, null, 1, 3, 300L),
            new RepInLedger("ben", "Ben Okafor", true, null, 1, 3, 100L),
            new RepInLedger("chen", "Chen Wei", true, null, 1, 4, 50L),
            new RepInLedger("dana", "Dana Novak", false, "out of office until 3 Dec", 1, 0, null),
            new RepInLedger("eli", "Eli Stone", true, null, 2, 6, 400L));
    List<RepInLedger> order = FairRotation.order(reps);
    RepInLedger chosen = order.get(1);

    assertThat(order).extracting(RepInLedger::repId).containsExactly("ben", "ana", "eli", "chen");
    assertThat(
            FairRotation.candidates(
                "B", reps, order, chosen, Map.of("ben", "was being given another lead")))
        .containsExactly(
            new Candidate(
                "ana", true, "fewest grade B leads this period for their weight: 3 at weight 1"),
            new Candidate("ben", false, "was being given another lead"),
            new Candidate(
                "eli",
                false,
                "as many grade B leads for their weight as Ana Costa, who waited longer since"
                    + " their last lead"),
            new Candidate(
                "chen",
                false,
                "further on in the ledger: 4 at weight 1, against 3 at weight 1 for Ana Costa"),
            new Candidate("dana", false, "out of office until 3 Dec"));
  }

  /** Routes leads one by one as the server does: credits first, written to the ledger. */
  private static List<String> rotate(
      Map<String, Integer> ledger,
      Map<String, Integer> credited,
      FairRotation.CatchUp policy,
      int leads) {
    List<String> receivers = new ArrayList<>();
    for (int lead = 0; lead < leads; lead++) {
      FairRotation.catchUpCredits(inLedger(ledger, credited, Map.of()), policy)
          .forEach((rep, credit) -> credited.merge(rep, credit, Integer::sum));
      String next = FairRotation.order(inLedger(ledger, credited, Map.of())).get(0).repId();
      ledger.merge(next, 1, Integer::sum);
      receivers.add(next);
    }
    return receivers;
  }

  private static List<RepInLedger> inLedger(
      Map<String, Integer> ledger, Map<String, Integer> credited, Map<String, Integer> weights) {
    return new java.util.TreeMap<>(ledger)
        .entrySet().stream()
            .map(
                e ->
                    new RepInLedger(
                            e.getKey(),
                            e.getKey(),
                            true,
                            null,
                            weights.getOrDefault(e.getKey(), 1),
                            e.getValue(),
                            null)
                        .credit(credited.getOrDefault(e.getKey(), 0)))
            .toList();
  }

  private static String first(Map<String, Integer> ledger, Map<String, Integer> weights) {
    List<RepInLedger> reps = new ArrayList<>();
    ledger.forEach(
        (rep, assigned) ->
            reps.add(
                new RepInLedger(
                    rep, rep, true, null, weights.getOrDefault(rep, 1), assigned, null)));
    return FairRotation.order(reps).get(0).repId();
  }
}
