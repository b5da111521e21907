package dev.accord.rulebook.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.accord.rules.RuleFileText;
import dev.accord.rules.Rulebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every rulebook version that went live, kept as the exact files it was compiled from, so that a
 * server started on a folder that has been broken since can serve the last version that worked.
 *
 * <p>Layout: {@code <store>/<version>/...} (the rule files) and {@code <store>/current} (the
 * version that went live last, with when).
 */
public final class PublishedRulebooks {

  private static final String CURRENT = "current";

  private final Path store;

  PublishedRulebooks(Path store) {
    this.store = store;
  }

  private static final String HISTORY = "history.log";

  /** A version that went live: when and by whom. */
  public record Published(String version, Instant at, String by) {}

  /** How one file differs between two versions. */
  public record FileChange(String file, Change change, List<String> diff) {

    /** What happened to the file. */
    public enum Change {
      ADDED,
      REMOVED,
      CHANGED
    }
  }

  /**
   * Keeps the rulebook's files, if this version is not kept yet, marks it current and adds it to
   * the history.
   *
   * @param by who published it: {@code folder} for a saved change, an operator for a rollback
   */
  void publish(Rulebook rulebook, Instant at, String by) {
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
      Files.writeString(
          store.resolve(HISTORY),
          at + "\t" + rulebook.version() + "\t" + by + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
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

  /** Every time a version went live, newest first. */
  List<Published> history() {
    Path history = store.resolve(HISTORY);
    if (!Files.isRegularFile(history)) {
      return List.of();
    }
    try {
      List<Published> published = new ArrayList<>();
      for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (parts.length == 3) {
          published.add(new Published(parts[1], Instant.parse(parts[0]), parts[2]));
        }
      }
      Collections.reverse(published);
      return published;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the rulebook history", e);
    }
  }

  /** The kept files of a version, if it was ever published here. */
  Optional<Path> folder(String version) {
    if (!version.matches("sha256:[0-9a-f]{12}")) {
      return Optional.empty();
    }
    Path kept = folderOf(version);
    return Files.isDirectory(kept) ? Optional.of(kept) : Optional.empty();
  }

  /** File by file, how version {@code to} differs from version {@code from}, as unified diffs. */
  List<FileChange> diff(Path from, Path to) {
    Map<String, List<String>> before = read(from);
    Map<String, List<String>> after = read(to);
    Set<String> files = new TreeSet<>(before.keySet());
    files.addAll(after.keySet());
    List<FileChange> changes = new ArrayList<>();
    for (String file : files) {
      List<String> old = before.getOrDefault(file, List.of());
      List<String> now = after.getOrDefault(file, List.of());
      if (old.equals(now) && before.containsKey(file) == after.containsKey(file)) {
        continue;
      }
      FileChange.Change change =
          !before.containsKey(file)
              ? FileChange.Change.ADDED
              : !after.containsKey(file) ? FileChange.Change.REMOVED : FileChange.Change.CHANGED;
      changes.add(
          new FileChange(
              file,
              change,
              UnifiedDiffUtils.generateUnifiedDiff(
                  "a/" + file, "b/" + file, old, DiffUtils.diff(old, now), 2)));
    }
    return changes;
  }

  private static Map<String, List<String>> read(Path folder) {
    Map<String, List<String>> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        List<String> parts = new ArrayList<>();
        folder.relativize(file).forEach(part -> parts.add(part.toString()));
        String path = String.join("/", parts);
        files.put(path, RuleFileText.lines(path, Files.readAllBytes(file)));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the kept rulebook " + folder, e);
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
