package dev.accord.rulebook.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What the live rulebook does with the folder business users edit, apart from compiling it: tells
 * cheaply whether anything in it changed, who saved it last, and puts a published version's files
 * back into it.
 */
final class RulebookFolder {

  private static final Logger LOG = Logger.getLogger(RulebookFolder.class.getName());

  // Files the rulebook is made of; a rollback replaces them and leaves the guide and others alone.
  private static final List<String> RULEBOOK_FILES =
      List.of(".drl", ".csv", ".xlsx", ".xls", ".yaml");

  private RulebookFolder() {}

  /** Names, sizes and modification times of every file under the folder: cheap to compare. */
  static String fingerprint(Path folder) {
    if (!Files.isDirectory(folder)) {
      return "missing";
    }
    try (Stream<Path> files = Files.walk(folder)) {
      StringBuilder print = new StringBuilder();
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        print
            .append(folder.relativize(file))
            .append(':')
            .append(Files.size(file))
            .append(':')
            .append(Files.getLastModifiedTime(file).toMillis())
            .append('\n');
      }
      return print.toString();
    } catch (IOException | UncheckedIOException e) {
      // A file deleted while we looked: the next look sees the folder settled.
      return "unreadable:" + e;
    }
  }

  /**
   * Who published a version found in the folder: whoever saved it there, as the file system knows
   * the owner of the file saved last; "folder" when it cannot tell.
   */
  static String savedBy(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      Optional<Path> newest =
          files
              .filter(Files::isRegularFile)
              .max(
                  Comparator.comparing(
                      file -> {
                        try {
                          return Files.getLastModifiedTime(file);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      }));
      if (newest.isPresent()) {
        return "folder (saved by " + Files.getOwner(newest.get()).getName() + ")";
      }
    } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
      LOG.log(Level.FINE, "Cannot tell who saved the rulebook folder", e);
    }
    return "folder";
  }

  /**
   * Replaces the rule, settings and scenario files of the folder with those of a kept version, so
   * the folder says what is live.
   */
  static void replaceWith(Path folder, Path kept) throws IOException {
    try (Stream<Path> current = Files.walk(folder)) {
      for (Path file : current.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (RULEBOOK_FILES.stream().anyMatch(name::endsWith)) {
          Files.delete(file);
        }
      }
    }
    try (Stream<Path> files = Files.walk(kept)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = folder.resolve(kept.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
