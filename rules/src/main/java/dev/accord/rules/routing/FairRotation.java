package dev.accord.rules.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Weighted fair rotation inside a team, per grade: the available rep with the fewest leads of the
 * grade this period for their weight goes first (a rep of weight 2 gets twice the leads of a rep of
 * weight 1), then whoever waited longest since their last lead, then by rep id. Equal-weight reps
 * who were available all period end within one lead of each other. How far a rep who fell behind
 * (back from an absence) catches up is the team's {@link CatchUp} policy.
 */
public final class FairRotation {

  private FairRotation() {}

  /**
   * How a rep who fell behind the team (away, out of office, off shift, newly joined) catches up.
   * In the normal rotation a rep of weight {@code w} trails the rep furthest on by up to {@code w}
   * leads, and by one more while another lead is on its way to them; what a returning rep trails
   * beyond that is their catch-up.
   *
   * @param limit with {@link Kind#CAPPED}, how many leads of catch-up a returning rep receives
   */
  public record CatchUp(Kind kind, int limit) {

    public enum Kind {
      /** The next leads go to the returning rep until level. */
      FULL,
      /** At most {@code limit} leads of catch-up; the rest is credited. */
      CAPPED,
      /** The returning rep rejoins level: all of it is credited. */
      NONE
    }

    public static final CatchUp FULL = new CatchUp(Kind.FULL, 0);

    public CatchUp {
      Objects.requireNonNull(kind, "kind");
      if (limit < 0) {
        throw new IllegalArgumentException("limit must not be negative, was " + limit);
      }
    }

    @Override
    public String toString() {
      return switch (kind) {
        case FULL -> "full catch-up";
        case CAPPED -> "catch-up capped at " + limit + (limit == 1 ? " lead" : " leads");
        case NONE -> "no catch-up";
      };
    }
  }

  /**
   * The leads to credit each available rep so that nobody catches up more than the policy allows: a
   * rep of weight {@code w} trailing the rep furthest on (for their weight) by more than {@code w}
   * leads, plus the limit if capped, is credited the difference.
   *
   * @return leads to credit by rep id, only for reps to credit
   */
  public static Map<String, Integer> catchUpCredits(List<RepInLedger> reps, CatchUp policy) {
    if (policy.kind() == CatchUp.Kind.FULL) {
      return Map.of();
    }
    List<RepInLedger> available = reps.stream().filter(RepInLedger::available).toList();
    RepInLedger furthest =
        available.stream()
            .max(Comparator.comparingDouble(r -> (double) r.assigned() / r.weight()))
            .orElse(null);
    Map<String, Integer> credits = new java.util.TreeMap<>();
    if (furthest == null) {
      return credits;
    }
    int allowed = policy.kind() == CatchUp.Kind.CAPPED ? policy.limit() : 0;
    for (RepInLedger rep : available) {
      // The leads that would bring the rep level with the one furthest on, for their weight.
      long level = (long) furthest.assigned() * rep.weight() / furthest.weight();
      long behind = level - rep.assigned();
      long credit = behind - rep.weight() - 1 - allowed;
      if (credit > 0) {
        credits.put(rep.repId(), (int) credit);
      }
    }
    return credits;
  }

  // Fewest leads for their weight, then longest waiting since their last lead, then by id.
  private static final Comparator<RepInLedger> LEDGER_ORDER =
      Comparator.<RepInLedger>comparingDouble(r -> (double) r.assigned() / r.weight())
          .thenComparing(
              RepInLedger::lastAssignment, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(RepInLedger::repId);

  /** The available reps, best first: the order to offer the lead in. */
  public static List<RepInLedger> order(List<RepInLedger> reps) {
    List<RepInLedger> available = new ArrayList<>(reps.size());
    for (RepInLedger rep : reps) {
      if (rep.available()) {
        available.add(rep);
      }
    }
    available.sort(LEDGER_ORDER);
    return Collections.unmodifiableList(available);
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
    return rep.assigned()
        + " at weight "
        + rep.weight()
        + (rep.credited() == 0
            ? ""
            : " (" + rep.credited() + " of them credited by the team's catch-up policy)");
  }
}
