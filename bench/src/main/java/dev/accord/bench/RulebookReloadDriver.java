package dev.accord.bench;

import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * How long a rulebook takes to compile when the server reloads it, against the cold build of the
 * same rulebook, measured in the same run, because a reload compiles in a JVM that has compiled
 * rulebooks before while a restart compiles in a fresh one, and only the ratio of the two travels
 * across machines.
 *
 * <p>The driver starts {@code forks} fresh JVMs one after another (same {@code java}, same class
 * path). Each compiles the rulebook folder once straight after start-up (the <b>cold build</b>,
 * what a restart costs) and then {@code reloads} more times (the <b>reloads</b>, what the server
 * does off the hot path when a saved change is picked up). Every compile is the public {@code
 * Rulebook.compile(folder)}, scenarios and lint included. The driver reports, per fork and as the
 * median over forks: the cold build, the first reload (compile 2, the first reload after a
 * restart), and the warm reload (median of the second half of the reloads), each as a ratio to the
 * cold build of the same fork.
 *
 * <p>It also counts the rules of the compiled rulebook, read from its Drools knowledge bases (one
 * per stage; decision-table rows are rules there), and checks that a VP at a large German company
 * asking for a demo is still graded A for team EMEA, so that the run fails rather than measuring
 * some other rulebook. Exits 1 if a fork fails, 2 if the driver cannot run at all.
 *
 * <p>Settings, as {@code --name=value} or {@code -Daccord.reload.name=value}: {@code forks} (3),
 * {@code reloads} (20), {@code rulebook-dir} ({@code -Daccord.rulebook.dir}, else {@code
 * rules/rulebook}, relative to the working directory), {@code fork-timeout-s} (300), {@code
 * in-fork} (false; true runs one fork in this JVM and prints its raw times, which is how the driver
 * starts its forks).
 */
public final class RulebookReloadDriver {

  private static final String IN_FORK = "in-fork";
  private static final String COMPILES = "compiles-ns ";
  private static final String RULES = "rules ";
  private static final String VERSION = "version ";

  private RulebookReloadDriver() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.from(args);
    } catch (IllegalArgumentException e) {
      System.err.println("accord reload driver: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (settings.inFork()) {
      inFork(settings);
    } else {
      System.exit(drive(settings));
    }
  }

  /** One fresh JVM: the cold build, then the reloads; prints its times on standard output. */
  private static void inFork(Settings settings) throws RulebookRejectedException {
    long[] nanos = new long[1 + settings.reloads()];
    Rulebook first = null;
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      Rulebook compiled = Rulebook.compile(settings.rulebook());
      nanos[i] = System.nanoTime() - start;
      if (first == null) {
        first = compiled;
      } else if (!compiled.version().equals(first.version())) {
        throw new IllegalStateException(
            "the rulebook changed during the run: " + first.version() + ", " + compiled.version());
      }
    }
    expectHotEmeaLead(first);
    System.out.println(VERSION + first.version());
    System.out.println(
        RULES
            + rulesPerStage(first).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    System.out.println(
        COMPILES + Arrays.stream(nanos).mapToObj(Long::toString).collect(Collectors.joining(" ")));
  }

  private static int drive(Settings settings) throws IOException, InterruptedException {
    if (!Files.isDirectory(settings.rulebook())) {
      System.err.println(
          "accord reload driver: no rulebook at "
              + settings.rulebook().toAbsolutePath()
              + "; run from the repository root or pass --rulebook-dir=...");
      return 2;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Fork> forks = new ArrayList<>();
    String version = null;
    String rules = null;
    for (int fork = 1; fork <= settings.forks(); fork++) {
      List<String> command =
          List.of(
              java,
              "-cp",
              System.getProperty("java.class.path"),
              RulebookReloadDriver.class.getName(),
              "--" + IN_FORK + "=true",
              "--reloads=" + settings.reloads(),
              "--rulebook-dir=" + settings.rulebook());
      // Standard output goes to a file, so a fork that hangs cannot block the driver past the
      // timeout.
      Path output = Files.createTempFile("accord-reload-fork", ".txt");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(settings.forkTimeoutSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        System.err.println("accord reload driver: fork " + fork + " did not finish in time");
        return 1;
      }
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      Files.delete(output);
      Optional<String> compiles = field(lines, COMPILES);
      if (process.exitValue() != 0 || compiles.isEmpty()) {
        System.err.println(
            "accord reload driver: fork " + fork + " failed (exit " + process.exitValue() + ")");
        return 1;
      }
      version = field(lines, VERSION).orElseThrow();
      rules = field(lines, RULES).orElseThrow();
      long[] nanos =
          Arrays.stream(compiles.get().trim().split(" ")).mapToLong(Long::parseLong).toArray();
      forks.add(new Fork(nanos));
      System.err.printf(Locale.ROOT, "fork %d of %d done%n", fork, settings.forks());
    }
    report(settings, version, rules, forks);
    return 0;
  }

  private static void report(Settings settings, String version, String rules, List<Fork> forks) {
    int total =
        Arrays.stream(rules.split(" "))
            .mapToInt(stage -> Integer.parseInt(stage.substring(stage.indexOf('=') + 1)))
            .sum();
    int warmFrom = settings.warmFrom();
    System.out.printf(
        Locale.ROOT,
        "rulebook %s, %s: %d rules in the compiled rulebook (%s)%n",
        settings.rulebook(),
        version,
        total,
        rules.replace(' ', ',').replace(",", ", "));
    System.out.printf(
        Locale.ROOT,
        "%d forks, each a fresh JVM: compile 1 = cold build, compiles 2..%d = reloads;"
            + " warm reload = median of compiles %d..%d%n%n",
        forks.size(),
        settings.reloads() + 1,
        warmFrom + 1,
        settings.reloads() + 1);
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-34s", "compile (ms)"));
    for (int i = 1; i <= forks.size(); i++) {
      header.append(String.format(Locale.ROOT, " %9s", "fork " + i));
    }
    System.out.println(header.append(String.format(Locale.ROOT, " %9s", "median")));
    row("cold build (compile 1)", forks, fork -> fork.cold() / 1e6, "%9.0f");
    row("first reload (compile 2)", forks, fork -> fork.nanos()[1] / 1e6, "%9.0f");
    row("warm reload (median)", forks, fork -> fork.warm(warmFrom) / 1e6, "%9.0f");
    row("warm reload (fastest)", forks, fork -> fork.fastest(warmFrom) / 1e6, "%9.0f");
    row("warm reload (slowest)", forks, fork -> fork.slowest(warmFrom) / 1e6, "%9.0f");
    System.out.println();
    System.out.println("ratio to the cold build of the same fork");
    row("first reload / cold build", forks, fork -> fork.nanos()[1] / fork.cold(), "%8.2fx");
    row("warm reload / cold build", forks, fork -> fork.warm(warmFrom) / fork.cold(), "%8.2fx");
    row(
        "slowest warm reload / cold build",
        forks,
        fork -> fork.slowest(warmFrom) / fork.cold(),
        "%8.2fx");
    System.out.println();
    System.out.println("every compile, in ms (compile 1 first)");
    for (int i = 0; i < forks.size(); i++) {
      System.out.printf(
          Locale.ROOT,
          "fork %d: %s%n",
          i + 1,
          Arrays.stream(forks.get(i).nanos())
              .mapToObj(n -> String.format(Locale.ROOT, "%.0f", n / 1e6))
              .collect(Collectors.joining(" ")));
    }
  }

  private static void row(
      String name, List<Fork> forks, ToDoubleFunction<Fork> value, String cell) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-34s", name));
    double[] values = forks.stream().mapToDouble(value).toArray();
    for (double v : values) {
      line.append(' ').append(String.format(Locale.ROOT, cell, v));
    }
    line.append(' ').append(String.format(Locale.ROOT, cell, median(values)));
    System.out.println(line);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Optional<String> field(List<String> lines, String prefix) {
    return lines.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst();
  }

  /**
   * The rules of each stage in the compiled knowledge base, by the stage their package belongs to
   * ({@code scoring.partners} counts as scoring). {@code Rulebook} does not expose its knowledge
   * base, so this reads it by reflection; a benchmark may, the server never does.
   */
  private static Map<String, Integer> rulesPerStage(Rulebook rulebook) {
    try {
      Field compiledField = Rulebook.class.getDeclaredField("compiled");
      compiledField.setAccessible(true);
      Object compiled = compiledField.get(rulebook);
      Field baseField = compiled.getClass().getDeclaredField("base");
      baseField.setAccessible(true);
      Map<String, Integer> rules = new TreeMap<>();
      for (KiePackage pkg : ((KieBase) baseField.get(compiled)).getKiePackages()) {
        if (!pkg.getRules().isEmpty()) {
          String stage = pkg.getName().split("\\.")[0].toLowerCase(Locale.ROOT);
          rules.merge(stage, pkg.getRules().size(), Integer::sum);
        }
      }
      return rules;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot count the rules of " + rulebook, e);
    }
  }

  private static void expectHotEmeaLead(Rulebook rulebook) {
    Decision decision =
        rulebook.decide(
            new Lead(
                "greta.hoffmann@example.de",
                "Greta",
                "Hoffmann",
                "Hoffmann Maschinenbau",
                "VP Operations",
                1200,
                "DE",
                "+4930901820",
                "webinar",
                "demo"));
    if (!decision.grade().name().equals("A") || !decision.team().equals(Optional.of("emea"))) {
      throw new IllegalStateException(
          "expected grade A and team emea but the rulebook decided " + decision);
    }
  }

  private record Fork(long[] nanos) {

    double cold() {
      return nanos[0];
    }

    private double[] warmNanos(int from) {
      return Arrays.stream(nanos, from, nanos.length).asDoubleStream().toArray();
    }

    double warm(int from) {
      return median(warmNanos(from));
    }

    double fastest(int from) {
      return Arrays.stream(warmNanos(from)).min().orElseThrow();
    }

    double slowest(int from) {
      return Arrays.stream(warmNanos(from)).max().orElseThrow();
    }
  }

  private record Settings(
      boolean inFork, int forks, int reloads, Path rulebook, long forkTimeoutSeconds) {

    static Settings from(String[] args) {
      Arguments given = Arguments.parse(args, "accord.reload.");
      Settings settings =
          new Settings(
              Boolean.parseBoolean(given.text(IN_FORK, "false")),
              given.positive("forks", 3),
              given.atLeast(2, "reloads", 20),
              Path.of(
                  given.text(
                      "rulebook-dir", System.getProperty("accord.rulebook.dir", "rules/rulebook"))),
              given.positive("fork-timeout-s", 300));
      given.requireAllRead();
      return settings;
    }

    /** Index of the first compile counted as a warm reload: the second half of the reloads. */
    int warmFrom() {
      return 1 + reloads / 2;
    }
  }
}
