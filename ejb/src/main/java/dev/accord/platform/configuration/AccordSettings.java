package dev.accord.platform.configuration;

import dev.accord.rules.RuleBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

  @Inject
  @ConfigProperty(name = "accord.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "accord.mail.host", defaultValue = "localhost")
  String mailHost;

  @Inject
  @ConfigProperty(name = "accord.mail.port", defaultValue = "25")
  int mailPort;

  @Inject
  @ConfigProperty(name = "accord.mail.starttls", defaultValue = "false")
  boolean mailStartTls;

  @Inject
  @ConfigProperty(name = "accord.mail.user")
  Optional<String> mailUser;

  @Inject
  @ConfigProperty(name = "accord.mail.password")
  Optional<String> mailPassword;

  @Inject
  @ConfigProperty(name = "accord.mail.from", defaultValue = "Accord <accord@localhost>")
  String mailFrom;

  @Inject
  @ConfigProperty(name = "accord.escalation.webhook-url")
  Optional<String> webhookUrl;

  @Inject
  @ConfigProperty(name = "accord.escalation.retry-initial-ms", defaultValue = "1000")
  long retryInitialMs;

  @Inject
  @ConfigProperty(name = "accord.escalation.retry-max-ms", defaultValue = "300000")
  long retryMaxMs;

  @Inject
  @ConfigProperty(name = "accord.sla.poll-ms", defaultValue = "200")
  long slaPollMs;

  @Inject
  @ConfigProperty(name = "accord.sla.late-after-ms", defaultValue = "5000")
  long lateAfterMs;

  @Inject
  @ConfigProperty(name = "accord.routing.queue-drain-ms", defaultValue = "15000")
  long queueDrainMs;

  /** The operator key of the demo, only honoured while demo mode is on. */
  public static final String DEMO_OPERATOR_KEY = "demo-operator-7d2e9b41c6a0f385";

  @Inject
  @ConfigProperty(name = "accord.operator.keys")
  Optional<String> operatorKeys;

  @Inject
  @ConfigProperty(name = "accord.channels.file")
  Optional<String> channelsFile;

  private volatile ChannelsFile channels;

  /** The channels file, read on first use and validated; none configured means API only. */
  public ChannelsFile channels() {
    ChannelsFile read = channels;
    if (read == null) {
      read =
          channelsFile
              .filter(file -> !file.isBlank())
              .map(file -> ChannelsFile.read(Path.of(file)))
              .orElseGet(ChannelsFile::none);
      channels = read;
    }
    return read;
  }

  /**
   * Keys that read every source's leads and operate intake and the rulebook, by key, with the name
   * the history records for what they do: comma-separated in {@code accord.operator.keys}, each at
   * least 20 characters, optionally named {@code name:key} (say {@code ana.costa:…}), recorded as
   * {@code operator ana.costa}; an unnamed key is recorded as {@code operator}.
   */
  public java.util.Map<String, String> operatorKeys() {
    java.util.Map<String, String> keys = new java.util.HashMap<>();
    for (String entry : operatorKeys.orElse("").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String key = entry.strip();
      String name = "operator";
      java.util.regex.Matcher named = NAMED_OPERATOR_KEY.matcher(key);
      if (named.matches()) {
        name = "operator " + named.group(1);
        key = named.group(2);
      }
      if (key.length() < 20) {
        throw new IllegalStateException(
            "accord.operator.keys: every key must be at least 20 characters long");
      }
      keys.put(key, name);
    }
    if (demoEnabled) {
      keys.put(DEMO_OPERATOR_KEY, "operator demo");
    }
    return java.util.Map.copyOf(keys);
  }

  private static final java.util.regex.Pattern NAMED_OPERATOR_KEY =
      java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9._@-]{0,59}):(.+)");

  @Inject
  @ConfigProperty(name = "accord.activities.crm-sources")
  Optional<String> crmSources;

  /**
   * The intake sources that are the reps' CRM, comma-separated in {@code
   * accord.activities.crm-sources}: an activity they send on one of their leads may name the lead's
   * rep as {@code by}; any other source records activities as itself only.
   */
  public java.util.Set<String> crmSources() {
    return java.util.Arrays.stream(crmSources.orElse("").split(","))
        .map(String::strip)
        .filter(source -> !source.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Inject
  @ConfigProperty(name = "accord.intake.merge-window-days", defaultValue = "30")
  int mergeWindowDays;

  /**
   * How long after a person's last submission another one with the same e-mail is merged into their
   * lead instead of becoming a new one.
   */
  public Duration mergeWindow() {
    if (mergeWindowDays < 0) {
      throw new IllegalStateException(
          "accord.intake.merge-window-days must be 0 or more, was " + mergeWindowDays);
    }
    return Duration.ofDays(mergeWindowDays);
  }

  @Inject
  @ConfigProperty(name = "accord.intake.cross-source-merge", defaultValue = "engagement-only")
  String crossSourceMerge;

  /** What a submission from one source may change in the lead another source sent first. */
  public enum CrossSourceMerge {
    /** The lead keeps its source's fields; the submission adds engagement only. */
    ENGAGEMENT_ONLY,
    /**
     * The submission also fills the blanks of the lead's contact and adds its custom attributes, as
     * a submission from the lead's own source does.
     */
    FIELDS
  }

  /**
   * How a person's submission from another source merges into their lead: {@code
   * accord.intake.cross-source-merge}, {@code engagement-only} (the default) or {@code fields}.
   */
  public CrossSourceMerge crossSourceMerge() {
    return switch (crossSourceMerge.strip()) {
      case "engagement-only" -> CrossSourceMerge.ENGAGEMENT_ONLY;
      case "fields" -> CrossSourceMerge.FIELDS;
      default ->
          throw new IllegalStateException(
              "accord.intake.cross-source-merge must be engagement-only or fields, was '"
                  + crossSourceMerge
                  + "'");
    };
  }

  @Inject
  @ConfigProperty(name = "accord.rulebook.watch-ms", defaultValue = "500")
  long rulebookWatchMs;

  @Inject
  @ConfigProperty(name = "accord.rulebook.decision-budget-ms", defaultValue = "2000")
  long decisionBudgetMs;

  @Inject
  @ConfigProperty(name = "accord.rulebook.compile-budget-ms", defaultValue = "30000")
  long compileBudgetMs;

  @Inject
  @ConfigProperty(name = "accord.rulebook.max-firings", defaultValue = "10000")
  int maxFirings;

  @Inject
  @ConfigProperty(name = "accord.rulebook.max-inserted-facts", defaultValue = "20")
  int maxInsertedFacts;

  @Inject
  @ConfigProperty(name = "accord.rulebook.store-dir")
  Optional<String> rulebookStoreDir;

  /** How often the rulebook folder is looked at for saved changes. */
  public Duration rulebookWatchInterval() {
    if (rulebookWatchMs < 100) {
      throw new IllegalStateException(
          "accord.rulebook.watch-ms must be at least 100, was " + rulebookWatchMs);
    }
    return Duration.ofMillis(rulebookWatchMs);
  }

  /** What a business user's rules may take in one decision and one compile. */
  public RuleBudget ruleBudget() {
    try {
      return new RuleBudget(
          Duration.ofMillis(decisionBudgetMs),
          Duration.ofMillis(compileBudgetMs),
          maxFirings,
          maxInsertedFacts);
    } catch (IllegalArgumentException wrong) {
      throw new IllegalStateException(
          "accord.rulebook.decision-budget-ms, compile-budget-ms, max-firings and"
              + " max-inserted-facts must be positive: "
              + wrong.getMessage(),
          wrong);
    }
  }

  /**
   * Where every published rulebook version is kept: {@code accord.rulebook.store-dir}, by default
   * {@code accord/rulebooks} in the server's data folder.
   */
  public Path rulebookStore() {
    return rulebookStoreDir
        .filter(dir -> !dir.isBlank())
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(
                    System.getProperty("jboss.server.data.dir", "data"), "accord", "rulebooks"));
  }

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
        // Never the pair itself: it holds the key.
        throw new IllegalStateException(
            "accord.intake.keys: an entry is not of the form source:key");
      }
      if (pair.substring(colon + 1).trim().length() < 20) {
        throw new IllegalStateException(
            "accord.intake.keys: the key of source '"
                + pair.substring(0, colon).trim()
                + "' is shorter than 20 characters");
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

  /** Where people reach this server, for links in escalation e-mails. */
  public String publicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The SMTP server escalation e-mails go through, and who they come from. */
  public MailServer mailServer() {
    return new MailServer(
        mailHost,
        mailPort,
        mailStartTls,
        mailUser.filter(u -> !u.isBlank()),
        mailPassword.filter(p -> !p.isBlank()),
        mailFrom);
  }

  /** An SMTP server: host, port, whether to upgrade with STARTTLS, credentials if it needs them. */
  public record MailServer(
      String host,
      int port,
      boolean startTls,
      Optional<String> user,
      Optional<String> password,
      String from) {}

  /** A chat webhook (Slack-compatible JSON) that receives every warning and breach, if set. */
  public Optional<URI> webhookUrl() {
    return webhookUrl.filter(url -> !url.isBlank()).map(URI::create);
  }

  /** How long to wait before retrying a failed escalation the first time; it doubles after that. */
  public Duration retryInitialDelay() {
    return Duration.ofMillis(retryInitialMs);
  }

  /** The longest wait between two attempts of a failing escalation. */
  public Duration retryMaxDelay() {
    return Duration.ofMillis(retryMaxMs);
  }

  /** How often the server looks for clocks that fell due. */
  public Duration slaPollInterval() {
    return Duration.ofMillis(slaPollMs);
  }

  /** A stage that fires this long after its due instant is marked late (the server was down). */
  public Duration lateAfter() {
    return Duration.ofMillis(lateAfterMs);
  }

  /**
   * How often the server offers the leads waiting in each team's queue to the team's reps again
   * (one came on shift, came back, or fell under their cap).
   */
  public Duration queueDrainInterval() {
    return Duration.ofMillis(queueDrainMs);
  }
}
