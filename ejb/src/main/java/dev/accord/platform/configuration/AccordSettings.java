package dev.accord.platform.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that reads configuration, so every other class receives typed values and a wrong
 * setting fails with its property name.
 *
 * <p>Values come from MicroProfile Config: system properties ({@code -Daccord.rulebook.dir=...}),
 * environment variables ({@code ACCORD_RULEBOOK_DIR}) or the defaults in {@code
 * META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class AccordSettings {

  /** The intake key of the demo web form source; only honoured while demo mode is on. */
  public static final String DEMO_INTAKE_KEY = "demo-4f9c2a7e51b8d3606e1f";

  public static final String DEMO_INTAKE_SOURCE = "demo-web";

  @Inject
  @ConfigProperty(name = "accord.rulebook.dir")
  Optional<String> rulebookDir;

  @Inject
  @ConfigProperty(name = "accord.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @Inject
  @ConfigProperty(name = "accord.intake.keys")
  Optional<String> intakeKeys;

  @Inject
  @ConfigProperty(name = "accord.camel.intake-uri", defaultValue = "direct:lead-intake")
  String intakeUri;

  @Inject
  @ConfigProperty(
      name = "accord.camel.leads-queue-uri",
      defaultValue = "jms:queue:AccordLeadsReceived")
  String leadsQueueUri;

  /** The folder holding the rule files the server compiles and serves. */
  public Path rulebookFolder() {
    return rulebookDir
        .filter(dir -> !dir.isBlank())
        .map(Path::of)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "accord.rulebook.dir is not set: point it at the rulebook folder"
                        + " (for example <repository>/rules/rulebook)"));
  }

  /** Whether the demo sales organisation and the demo intake key are enabled. */
  public boolean demoEnabled() {
    return demoEnabled;
  }

  /**
   * Intake keys by key, naming the source each one authenticates. Configured as comma-separated
   * {@code source:key} pairs in {@code accord.intake.keys}.
   */
  public Map<String, String> intakeSourcesByKey() {
    Map<String, String> sourcesByKey = new LinkedHashMap<>();
    for (String pair : intakeKeys.orElse("").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new IllegalStateException(
            "accord.intake.keys: '" + pair.trim() + "' is not of the form source:key");
      }
      sourcesByKey.put(pair.substring(colon + 1).trim(), pair.substring(0, colon).trim());
    }
    if (demoEnabled) {
      sourcesByKey.putIfAbsent(DEMO_INTAKE_KEY, DEMO_INTAKE_SOURCE);
    }
    return Map.copyOf(sourcesByKey);
  }

  /** Where the HTTP boundary hands leads to Camel. */
  public String intakeUri() {
    return intakeUri;
  }

  /** The durable queue between intake and routing. */
  public String leadsQueueUri() {
    return leadsQueueUri;
  }
}
