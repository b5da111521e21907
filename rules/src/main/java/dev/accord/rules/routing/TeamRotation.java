package dev.accord.rules.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Round robin inside a team: the available rep who has waited longest since their last lead gets
 * the next one, and every other rep is told why not.
 */
public final class TeamRotation {

  // Never assigned counts as having waited longest; rep id makes the order total, so the same
  // team state always gives the same pick.
  private static final Comparator<RepInRotation> ROTATION_ORDER =
      Comparator.comparing(
              RepInRotation::lastAssignment, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(RepInRotation::repId);

  private TeamRotation() {}

  public static RotationPick pick(List<RepInRotation> reps) {
    List<RepInRotation> inOrder = new ArrayList<>(reps);
    inOrder.forEach(rep -> Objects.requireNonNull(rep, "rep"));
    inOrder.sort(ROTATION_ORDER);

    Optional<RepInRotation> chosen = inOrder.stream().filter(RepInRotation::available).findFirst();
    List<Candidate> candidates = new ArrayList<>(inOrder.size());
    chosen.ifPresent(rep -> candidates.add(new Candidate(rep.repId(), true, chosenReason(rep))));
    for (RepInRotation rep : inOrder) {
      if (chosen.isEmpty() || rep != chosen.get()) {
        candidates.add(new Candidate(rep.repId(), false, skippedReason(rep, chosen)));
      }
    }
    return new RotationPick(chosen.map(RepInRotation::repId), candidates);
  }

  private static String chosenReason(RepInRotation rep) {
    return rep.lastAssignment() == null
        ? "next in rotation: has not had a lead yet"
        : "next in rotation: waited longest since last lead";
  }

  private static String skippedReason(RepInRotation rep, Optional<RepInRotation> chosen) {
    if (!rep.available()) {
      return rep.whyNot();
    }
    RepInRotation winner = chosen.orElseThrow();
    String winnerName = displayName(winner);
    if (rep.lastAssignment() == null) {
      return "has not had a lead yet either; " + winnerName + " comes first by rep id";
    }
    if (rep.lastAssignment().equals(winner.lastAssignment())) {
      return "had a lead at the same time as " + winnerName + ", who comes first by rep id";
    }
    return "had a lead more recently than " + winnerName;
  }

  private static String displayName(RepInRotation rep) {
    return rep.name() == null || rep.name().isBlank() ? rep.repId() : rep.name();
  }
}
