package dev.accord.web.api;

import java.util.Optional;
import java.util.UUID;

/** Reads the ids in resource paths, so an id that is not a UUID is simply "not found". */
public final class PathIds {

  private PathIds() {}

  public static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
