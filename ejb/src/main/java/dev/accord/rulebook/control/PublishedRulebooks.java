package dev.accord.rulebook.control;

import dev.accord.rules.Rulebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every rulebook version that went live, kept as the exact files it was compiled from, so that a
 * server started on a folder that has been broken since can serve the last version that worked.
 *
 * <p>Layout: {@code <store>/<version>/...} (the rule files) and {@code <store>/current} (the
 * version that went live last, with when).
 */
final class PublishedRulebooks {

  private static final String CURRENT = "current";

  private final Path store;

  PublishedRulebooks(Path store) {
    this.store = store;
  }

  /** Keeps the rulebook's files, if this version is not kept yet, and marks it current. */
  void publish(Rulebook rulebook, Instant at) {
    try {
      Path kept = folderOf(rulebook.version());
      if (!Files.isDirectory(kept)) {
        Files.createDirectories(store);
        // Written aside, then renamed: a crash mid-write never leaves a half version behind.
        Path partial = store.resolve(".partial-" + UUID.randomUUID());
        rulebook.copyTo(partial);
        move(partial, kept);
      }
      Path current = store.resolve(".current-" + UUID.randomUUID());
      Files.writeString(current, rulebook.version() + "\n" + at + "\n", StandardCharsets.UTF_8);
      move(current, store.resolve(CURRENT));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep rulebook " + rulebook.version(), e);
    }
  }

  /** The folder of the version that went live last, if any did. */
  Optional<Path> current() {
    Path current = store.resolve(CURRENT);
    if (!Files.isRegularFile(current)) {
      return Optional.empty();
    }
    try {
      String version = Files.readAllLines(current, StandardCharsets.UTF_8).get(0).strip();
      Path kept = folderOf(version);
      return Files.isDirectory(kept) ? Optional.of(kept) : Optional.empty();
    } catch (IOException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  Path store() {
    return store;
  }

  private Path folderOf(String version) {
    // "sha256:0123abcd4567" is not a portable folder name.
    return store.resolve(version.replace(':', '-'));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
