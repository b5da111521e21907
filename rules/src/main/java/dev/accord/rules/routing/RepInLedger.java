package dev.accord.rules.routing;

import java.util.Objects;

/**
 * A rep as the fair rotation sees them for one grade: whether they can take a lead now (and if not
 * why), their weight, how many leads of the grade the ledger gave them this period, and when they
 * last got any lead ({@code null} if never; a higher number is more recent).
 */
public record RepInLedger(
    String repId,
    String name,
    boolean available,
    String whyNot,
    int weight,
    int assigned,
    Long lastAssignment) {

  public RepInLedger {
    Objects.requireNonNull(repId, "repId");
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1, was " + weight);
    }
    whyNot = available ? null : (whyNot == null ? "not available" : whyNot);
  }

  String displayName() {
    return name == null || name.isBlank() ? repId : name;
  }
}
