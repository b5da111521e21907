package dev.accord.rules.routing;

import java.util.Objects;

/**
 * A rep as the fair rotation sees them for one grade: whether they can take a lead now (and if not
 * why), their weight, how many leads of the grade the ledger counts for them this period ({@code
 * credited} of which the team's catch-up policy counted without their receiving them), and when
 * they last got any lead ({@code null} if never; a higher number is more recent).
 */
public record RepInLedger(
    String repId,
    String name,
    boolean available,
    String whyNot,
    int weight,
    int assigned,
    Long lastAssignment,
    int credited) {

  /** A rep the team's catch-up policy has credited nothing. */
  public RepInLedger(
      String repId,
      String name,
      boolean available,
      String whyNot,
      int weight,
      int assigned,
      Long lastAssignment) {
    this(repId, name, available, whyNot, weight, assigned, lastAssignment, 0);
  }

  public RepInLedger {
    Objects.requireNonNull(repId, "repId");
    if (credited < 0 || credited > assigned) {
      throw new IllegalArgumentException(
          "credited must be between 0 and assigned (" + assigned + "), was " + credited);
    }
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be at least 1, was " + weight);
    }
    whyNot = available ? null : (whyNot == null ? "not available" : whyNot);
  }

  /** The same rep with more leads counted without their receiving them. */
  public RepInLedger credit(int leads) {
    return new RepInLedger(
        repId, name, available, whyNot, weight, assigned + leads, lastAssignment, credited + leads);
  }

  String displayName() {
    return name == null || name.isBlank() ? repId : name;
  }
}
