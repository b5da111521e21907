package dev.accord.rules.routing;

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
