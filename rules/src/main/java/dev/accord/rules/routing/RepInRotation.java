package dev.accord.rules.routing;

import java.util.Objects;

/**
 * A rep as the rotation sees them: whether they can take a lead now and, if not, why (away,
 * inactive, out of office, at capacity), and when they last got one ({@code null} if never; a
 * higher number is more recent).
 */
public record RepInRotation(
    String repId, String name, boolean available, Long lastAssignment, String whyNot) {

  public RepInRotation {
    Objects.requireNonNull(repId, "repId");
    whyNot = available ? null : (whyNot == null ? "not available" : whyNot);
  }

  public RepInRotation(String repId, String name, boolean available, Long lastAssignment) {
    this(repId, name, available, lastAssignment, null);
  }
}
