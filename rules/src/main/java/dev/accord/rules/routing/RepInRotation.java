package dev.accord.rules.routing;

import java.util.Objects;

/**
 * A rep as the rotation sees them: whether they can take a lead now, and when they last got one
 * ({@code null} if never; a higher number is more recent).
 */
public record RepInRotation(String repId, String name, boolean available, Long lastAssignment) {

  public RepInRotation {
    Objects.requireNonNull(repId, "repId");
  }
}
