package dev.accord.rules.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Weighted fair rotation inside a team, per grade: the available rep with the fewest leads of the
 * grade this period for their weight goes first (a rep of weight 2 gets twice the leads of a rep of
 * weight 1), then whoever waited longest since their last lead, then by rep id. Equal-weight reps
 * who were available all period end within one lead of each other. A rep who fell behind (back from
 * absence) gets the next leads of the grade until level; there is no catch-up policy yet.
 */
public final class FairRotation {

  private FairRotation() {}

  /** The available reps, best first: the order to offer the lead in. */
  public static List<RepInLedger> order(List<RepInLedger> reps) {
    List<RepInLedger> available =
        new ArrayList<>(reps.stream().filter(RepInLedger::available).toList());
    available.sort(
        Comparator.<RepInLedger>comparingDouble(r -> (double) r.assigned() / r.weight())
            .thenComparing(
                RepInLedger::lastAssignment, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RepInLedger::repId));
    return List.copyOf(available);
  }

  /**
   * Why each rep was or was not given the lead, the chosen first, then the others in the order they
   * were considered.
   *
   * @param order as {@link #order} gave it
   * @param chosen the rep who got the lead, or {@code null} if nobody could take it
   * @param passedOver reps in the order who could not be given the lead after all, and why
   */
  public static List<Candidate> candidates(
      String grade,
      List<RepInLedger> reps,
      List<RepInLedger> order,
      RepInLedger chosen,
      Map<String, String> passedOver) {
    List<Candidate> candidates = new ArrayList<>();
    if (chosen != null) {
      candidates.add(
          new Candidate(
              chosen.repId(),
              true,
              "fewest grade "
                  + grade
                  + " leads this period for their weight: "
                  + standing(chosen)));
    }
    for (RepInLedger rep : order) {
      if (chosen != null && rep.repId().equals(chosen.repId())) {
        continue;
      }
      String passed = passedOver.get(rep.repId());
      candidates.add(
          new Candidate(
              rep.repId(),
              false,
              passed != null
                  ? passed
                  : chosen == null ? "could not be given the lead" : behind(grade, rep, chosen)));
    }
    for (RepInLedger rep : reps) {
      if (!rep.available()) {
        candidates.add(new Candidate(rep.repId(), false, rep.whyNot()));
      }
    }
    return candidates;
  }

  private static String behind(String grade, RepInLedger rep, RepInLedger chosen) {
    long left = (long) rep.assigned() * chosen.weight();
    long right = (long) chosen.assigned() * rep.weight();
    if (left != right) {
      return "further on in the ledger: "
          + standing(rep)
          + ", against "
          + standing(chosen)
          + " for "
          + chosen.displayName();
    }
    return "as many grade "
        + grade
        + " leads for their weight as "
        + chosen.displayName()
        + (Objects.equals(rep.lastAssignment(), chosen.lastAssignment())
            ? ", who comes first by rep id"
            : ", who waited longer since their last lead");
  }

  private static String standing(RepInLedger rep) {
    return rep.assigned() + " at weight " + rep.weight();
  }
}
