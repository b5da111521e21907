package dev.accord.rulebook.control;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rulebook a business user is trying out before saving it: the live version's files with some
 * changed, added or removed, compiled aside. Scenarios that fail do not stop it (they are listed);
 * a compile error does. Nothing of it goes live.
 */
@ApplicationScoped
public class CandidateRulebooks {

  /** At most this many changed files in one candidate. */
  public static final int MAX_FILES = 100;

  private static final Pattern FILE_PATH =
      Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_. -]{0,99}/){0,4}[A-Za-z0-9_][A-Za-z0-9_. -]{0,99}");

  @Inject LiveRulebook live;

  @Inject AccordSettings settings;

  private final Semaphore compiling = new Semaphore(1);

  /** A candidate that cannot even be put together: which file, and why. */
  public static final class InvalidCandidateException extends RuntimeException {

    private final String file;

    InvalidCandidateException(String file, String reason) {
      super(reason);
      this.file = file;
    }

    /** The file path at fault, as the request named it. */
    public String file() {
      return file;
    }
  }

  /**
   * @param changes by path relative to the rulebook folder ({@code routing/territories.csv}): the
   *     new content, or {@code null} to remove the file
   * @throws InvalidCandidateException for a path outside the rulebook folder or too many files
   * @throws RulebookRejectedException with every problem, file and line, if it does not compile
   */
  public Rulebook compile(Map<String, byte[]> changes) throws RulebookRejectedException {
    // One candidate compiles at a time: a compile takes a core for up to a second.
    try {
      if (!compiling.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("another candidate rulebook is being compiled; try again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to compile a candidate", e);
    }
    try {
      return compileAside(changes);
    } finally {
      compiling.release();
    }
  }

  private Rulebook compileAside(Map<String, byte[]> changes) throws RulebookRejectedException {
    if (changes.size() > MAX_FILES) {
      throw new InvalidCandidateException("", "at most " + MAX_FILES + " files per candidate");
    }
    for (String file : changes.keySet()) {
      if (!FILE_PATH.matcher(file).matches() || file.contains("..")) {
        throw new InvalidCandidateException(
            file,
            "is not a path inside the rulebook folder (letters, digits, '_', '-', '.', spaces;"
                + " folders separated by '/'; at most 5 deep)");
      }
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("accord-candidate-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make room for a candidate rulebook", e);
    }
    try {
      live.live().copyTo(folder);
      for (Map.Entry<String, byte[]> change : changes.entrySet()) {
        Path file = folder.resolve(change.getKey()).normalize();
        if (!file.startsWith(folder)) {
          throw new InvalidCandidateException(change.getKey(), "is outside the rulebook folder");
        }
        if (Files.isDirectory(file)) {
          throw new InvalidCandidateException(change.getKey(), "is a folder, not a file");
        }
        if (change.getValue() == null) {
          Files.deleteIfExists(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.write(file, change.getValue());
        }
      }
      return Rulebook.compile(folder, true, settings.ruleBudget());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the candidate rulebook", e);
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // The temporary folder is the operating system's to clean now.
    }
  }
}
