package dev.accord.rules.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one rotation: the rep who gets the lead, if anyone is available, and every rep
 * considered, chosen one first.
 */
public record RotationPick(Optional<String> chosenRepId, List<Candidate> candidates) {

  public RotationPick {
    Objects.requireNonNull(chosenRepId, "chosenRepId");
    candidates = List.copyOf(candidates);
  }
}
