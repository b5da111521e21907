package dev.accord.rules.routing;

import java.util.Objects;

/**
 * One rep on a decision receipt, with the plain-English reason they got the lead or did not, so a
 * rep who was passed over can see why.
 */
public record Candidate(String repId, boolean chosen, String reason) {

  public Candidate {
    Objects.requireNonNull(repId, "repId");
    Objects.requireNonNull(reason, "reason");
  }
}
