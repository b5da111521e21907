package dev.accord.rules;

import dev.accord.rules.lead.Lead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the demo rulebook lives and how tests describe leads, shared so scenarios read short. */
final class DemoRulebook {

  private DemoRulebook() {}

  /** Surefire points at rules/rulebook; an IDE run from the module folder finds it relatively. */
  static Path folder() {
    String configured = System.getProperty("accord.rulebook.dir");
    return configured == null ? Path.of("rulebook") : Path.of(configured);
  }

  /** Copies the demo rulebook's files into a folder, to change one of them there. */
  static Path copyTo(Path target) throws IOException {
    Path demo = folder();
    try (Stream<Path> files = Files.walk(demo)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copied = target.resolve(demo.relativize(file).toString());
        Files.createDirectories(copied.getParent());
        Files.copy(file, copied);
      }
    }
    return target;
  }

  static Lead lead(String title, Integer employees, String country, String source, String action) {
    return new Lead(
        "lead@example.com",
        "Alex",
        "Doe",
        "Example Ltd",
        title,
        employees,
        country,
        "+1 555 0100",
        source,
        action);
  }
}
