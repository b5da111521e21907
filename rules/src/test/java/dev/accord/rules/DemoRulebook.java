package dev.accord.rules;

import dev.accord.rules.lead.Lead;
import java.nio.file.Path;

/** Where the demo rulebook lives and how tests describe leads, shared so scenarios read short. */
final class DemoRulebook {

  private DemoRulebook() {}

  /** Surefire points at rules/rulebook; an IDE run from the module folder finds it relatively. */
  static Path folder() {
    String configured = System.getProperty("accord.rulebook.dir");
    return configured == null ? Path.of("rulebook") : Path.of(configured);
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
