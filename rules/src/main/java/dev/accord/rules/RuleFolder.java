package dev.accord.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rule files of a rulebook folder on disk and their fingerprint, read once so that the version
 * names exactly what was compiled.
 */
final class RuleFolder {

  // Rules written out (DRL) and rules as decision tables (spreadsheets, XLSX or CSV).
  private static final List<String> RULE_FILE_EXTENSIONS =
      Stream.concat(Stream.of(".drl"), DecisionTable.EXTENSIONS.stream()).toList();

  // The agreement and the business calendars: settings business users edit beside the rules.
  private static final String SETTINGS_EXTENSION = ".yaml";

  /** Example leads with their expected outcomes, run on every compile (see {@link Scenarios}). */
  static final String SCENARIOS = "scenarios.csv";

  private final Path root;
  private final List<RuleFile> files;
  private final List<RuleFile> settings;
  private final Optional<RuleFile> scenarios;

  private RuleFolder(
      Path root, List<RuleFile> files, List<RuleFile> settings, Optional<RuleFile> scenarios) {
    this.root = root;
    this.files = List.copyOf(files);
    this.settings = List.copyOf(settings);
    this.scenarios = scenarios;
  }

  static RuleFolder read(Path folder) throws RulebookRejectedException {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw RulebookRejectedException.of(".", 0, "the rulebook folder " + root + " does not exist");
    }
    List<RuleFile> files = new ArrayList<>();
    List<RuleFile> settings = new ArrayList<>();
    RuleFile scenarios = null;
    try {
      for (Path file : filesInside(root)) {
        Path relative = root.relativize(file);
        if (isHidden(relative)) {
          continue;
        }
        if (slashed(relative).equals(SCENARIOS)) {
          scenarios = new RuleFile(SCENARIOS, Files.readAllBytes(file));
        } else if (isRuleFile(file)) {
          files.add(new RuleFile(slashed(relative), Files.readAllBytes(file)));
        } else if (hasExtension(file, SETTINGS_EXTENSION)) {
          settings.add(new RuleFile(slashed(relative), Files.readAllBytes(file)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw RulebookRejectedException.of(".", 0, "cannot read the rulebook folder: " + e);
    }
    if (files.isEmpty()) {
      throw RulebookRejectedException.of(
          ".", 0, "no rule files (" + String.join(", ", RULE_FILE_EXTENSIONS) + ") in " + root);
    }
    files.sort(Comparator.comparing(RuleFile::path));
    settings.sort(Comparator.comparing(RuleFile::path));
    return new RuleFolder(root, files, settings, Optional.ofNullable(scenarios));
  }

  /**
   * The regular files under the folder. The folder itself may be a link (deployments often point at
   * a linked release folder) and links inside it may point anywhere inside it, but a link that
   * leads out of it is refused: a rulebook is what sits in its folder, not what a link can reach.
   */
  private static List<Path> filesInside(Path root) throws IOException, RulebookRejectedException {
    Path real = root.toRealPath();
    List<Path> found = new ArrayList<>();
    List<RulebookProblem> outside = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            if (!dir.toRealPath().startsWith(real)) {
              outside.add(leadsOut(root, dir));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (attributes.isRegularFile()) {
              if (file.toRealPath().startsWith(real)) {
                found.add(file);
              } else {
                outside.add(leadsOut(root, file));
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    if (!outside.isEmpty()) {
      throw new RulebookRejectedException(outside);
    }
    return found;
  }

  private static RulebookProblem leadsOut(Path root, Path link) {
    return new RulebookProblem(
        slashed(root.relativize(link)),
        0,
        "is a link to a place outside the rulebook folder; rulebook files must sit inside it");
  }

  Path root() {
    return root;
  }

  /** The rule files: DRL and decision tables. */
  List<RuleFile> files() {
    return files;
  }

  /** The scenarios file, if the rulebook has one. */
  Optional<RuleFile> scenarios() {
    return scenarios;
  }

  /** The settings files (YAML): the agreement and the calendars. */
  List<RuleFile> settings() {
    return settings;
  }

  /**
   * {@code sha256:} and the first 12 hex digits of a digest over every rule and settings file's
   * path and content.
   */
  String version() {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    for (RuleFile file :
        Stream.concat(Stream.concat(files.stream(), settings.stream()), scenarios.stream())
            .sorted(Comparator.comparing(RuleFile::path))
            .toList()) {
      // The length prefix keeps "a" + "bc" and "ab" + "c" from hashing alike.
      sha256.update(
          (file.path() + "\n" + file.content().length + "\n").getBytes(StandardCharsets.UTF_8));
      sha256.update(file.content());
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
  }

  private static boolean isRuleFile(Path path) {
    return RULE_FILE_EXTENSIONS.stream().anyMatch(extension -> hasExtension(path, extension));
  }

  private static boolean hasExtension(Path path, String extension) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
  }

  // Editors leave lock and backup files such as ".#fit.drl" and, while a spreadsheet is open in
  // Excel, "~$territories.xlsx"; Drools skips dot files as well.
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".") || part.toString().startsWith("~$")) {
        return true;
      }
    }
    return false;
  }

  private static String slashed(Path relative) {
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }
}
