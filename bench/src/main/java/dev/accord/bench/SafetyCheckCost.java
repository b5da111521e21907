package dev.accord.bench;

import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.safety.RuleCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.template.parser.DataListener;

/**
 * What the rule safety checks of issue 16 add to a rulebook compile, because the product has no
 * switch to compile without them: in one warmed-up JVM, {@code Rulebook.compile(folder)} (checks
 * included) alternates round after round with the checks alone over exactly the texts that compile
 * checks, and the checks' share is taken against the compile minus the checks.
 *
 * <p>The checks alone are {@code RuleCode.check} over every {@code .drl} file's text and over the
 * rules Drools' {@code SpreadsheetCompiler} generates from every decision table, plus the typed
 * cell check ({@code TableCells}, package-private in the rules module, so reached by reflection; a
 * benchmark may, the server never does). In a compile the cell check listens to the same pass of
 * Drools' table parser that builds the rules; here it needs a pass of its own, so the driver also
 * times that pass with a listener that does nothing and reports the cells both with and without it.
 * The run fails if a text is refused or a cell is wrong, rather than measuring some other path.
 *
 * <p>Settings, as {@code --name=value} or {@code -Daccord.safety.name=value}: {@code warmup} (5
 * rounds, not reported), {@code rounds} (20), {@code rulebook-dir} ({@code -Daccord.rulebook.dir},
 * else {@code rules/rulebook}, relative to the working directory).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.accord.bench.SafetyCheckCost
 * </pre>
 */
public final class SafetyCheckCost {

  private static final String COLUMNS = "columns.yaml";

  private SafetyCheckCost() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.from(args);
    } catch (IllegalArgumentException e) {
      System.err.println("accord safety check cost: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!Files.isDirectory(settings.rulebook())) {
      System.err.println(
          "accord safety check cost: no rulebook at "
              + settings.rulebook().toAbsolutePath()
              + "; run from the repository root or pass --rulebook-dir=...");
      System.exit(2);
      return;
    }
    Checks checks = Checks.of(settings.rulebook());
    System.out.printf(
        Locale.ROOT,
        "rulebook %s: %d rule texts checked (%d DRL files, %d decision tables), %d lines of rules%n",
        settings.rulebook(),
        checks.texts().size(),
        checks.texts().size() - checks.tables().size(),
        checks.tables().size(),
        checks.texts().stream().mapToLong(text -> text.lines().count()).sum());
    int total = settings.warmup() + settings.rounds();
    double[][][] spent =
        new double[Clock.values().length][Phase.values().length][settings.rounds()];
    for (int round = 0; round < total; round++) {
      double[][] times = new double[Clock.values().length][Phase.values().length];
      // Alternate which comes first, so neither always runs right after the other's garbage.
      if (round % 2 == 0) {
        compile(settings.rulebook(), times);
        checks.time(times);
      } else {
        checks.time(times);
        compile(settings.rulebook(), times);
      }
      if (round >= settings.warmup()) {
        for (Clock clock : Clock.values()) {
          for (Phase phase : Phase.values()) {
            spent[clock.ordinal()][phase.ordinal()][round - settings.warmup()] =
                times[clock.ordinal()][phase.ordinal()];
          }
        }
      }
      System.err.printf(Locale.ROOT, "round %d of %d done%n", round + 1, total);
    }
    System.out.printf(
        Locale.ROOT,
        "%d warm-up rounds, then %d measured rounds, each one compile and the checks alone%n",
        settings.warmup(),
        settings.rounds());
    for (Clock clock : Clock.values()) {
      report(clock, spent[clock.ordinal()]);
    }
  }

  private static void compile(Path rulebook, double[][] times) throws RulebookRejectedException {
    Clock.Reading start = Clock.read();
    Rulebook.compile(rulebook).close();
    start.until(Clock.read(), Phase.COMPILE, times);
  }

  private static void report(Clock clock, double[][] ms) {
    System.out.printf(
        Locale.ROOT,
        "%n%-52s %9s %9s %9s%n",
        clock.title + " (ms)",
        "median",
        "fastest",
        "slowest");
    for (Phase phase : Phase.values()) {
      double[] sorted = ms[phase.ordinal()].clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%-52s %9.2f %9.2f %9.2f%n",
          phase.title,
          median(sorted),
          sorted[0],
          sorted[sorted.length - 1]);
    }
    System.out.println(
        "what the checks add to a compile without them, check / (compile - check), of the"
            + " medians and of the totals over all rounds");
    share("RuleCode.check only", ms, false, false);
    share("RuleCode.check + cells in a pass of their own", ms, true, false);
    share("RuleCode.check + cells less the bare pass", ms, true, true);
  }

  private static void share(String name, double[][] ms, boolean cells, boolean lessBarePass) {
    int rounds = ms[Phase.COMPILE.ordinal()].length;
    double[] checks = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      checks[i] = ms[Phase.RULE_CODE.ordinal()][i];
      if (cells) {
        checks[i] += ms[Phase.CELLS_OWN_PASS.ordinal()][i];
      }
      if (lessBarePass) {
        checks[i] -= ms[Phase.BARE_TABLE_PASS.ordinal()][i];
      }
    }
    double check = median(checks);
    double compile = median(ms[Phase.COMPILE.ordinal()]);
    double checkTotal = Arrays.stream(checks).sum();
    double compileTotal = Arrays.stream(ms[Phase.COMPILE.ordinal()]).sum();
    System.out.printf(
        Locale.ROOT,
        "  %-50s %6.1f%% (%.1f of %.1f ms);  of the totals %6.1f%%%n",
        name,
        100 * check / (compile - check),
        check,
        compile - check,
        100 * checkTotal / (compileTotal - checkTotal));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Wall time, and the CPU time of the whole process (the compile runs on a worker thread, and
   * Drools builds rules on a pool of its own), which other processes on the machine move less; the
   * JVM reads it in ticks of 10 ms, so its totals over all rounds say more than its medians.
   */
  private enum Clock {
    WALL("wall time per round"),
    CPU("process CPU time per round");

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    final String title;

    Clock(String title) {
      this.title = title;
    }

    static Reading read() {
      return new Reading(System.nanoTime(), OS.getProcessCpuTime());
    }

    record Reading(long wall, long cpu) {

      void until(Reading end, Phase phase, double[][] times) {
        times[WALL.ordinal()][phase.ordinal()] = (end.wall - wall) / 1e6;
        times[CPU.ordinal()][phase.ordinal()] = (end.cpu - cpu) / 1e6;
      }
    }
  }

  private enum Phase {
    COMPILE("Rulebook.compile, checks included"),
    RULE_CODE("RuleCode.check over every rule text"),
    CELLS_OWN_PASS("cell check, in a table parser pass of its own"),
    BARE_TABLE_PASS("the same pass with a listener that does nothing");

    final String title;

    Phase(String title) {
      this.title = title;
    }
  }

  /** A decision table as the compile reads it: its path in the folder and its bytes. */
  private record Table(String path, byte[] content, InputType type) {}

  /** The texts and tables one compile of the folder checks, and the cell check's column types. */
  private record Checks(
      List<String> texts,
      List<Table> tables,
      Object columns,
      Constructor<?> newCells,
      Method cellProblems) {

    static Checks of(Path root) throws IOException, ReflectiveOperationException {
      List<String> texts = new ArrayList<>();
      List<Table> tables = new ArrayList<>();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        // Rule files sit in the stage folders; scenarios.csv and the settings sit at the top.
        files =
            walk.filter(Files::isRegularFile)
                .filter(file -> root.relativize(file).getNameCount() > 1)
                .sorted()
                .toList();
      }
      for (Path file : files) {
        String path = root.relativize(file).toString().replace('\\', '/');
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".drl")) {
          texts.add(Files.readString(file, StandardCharsets.UTF_8));
        } else if (name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls")) {
          InputType type = name.endsWith(".csv") ? InputType.CSV : InputType.XLS;
          byte[] content = Files.readAllBytes(file);
          texts.add(new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type));
          tables.add(new Table(path, content, type));
        }
      }
      Path columnsFile = root.resolve(COLUMNS);
      byte[] yaml = Files.isRegularFile(columnsFile) ? Files.readAllBytes(columnsFile) : null;
      Object columns = columnTemplates(yaml);
      Class<?> cells = Class.forName("dev.accord.rules.TableCells");
      Constructor<?> newCells = cells.getDeclaredConstructor(String.class, columns.getClass());
      newCells.setAccessible(true);
      Method cellProblems = cells.getDeclaredMethod("problems");
      cellProblems.setAccessible(true);
      Checks checks = new Checks(texts, tables, columns, newCells, cellProblems);
      for (String text : texts) {
        RuleCode.Checked checked = RuleCode.check(text);
        if (!checked.passed()) {
          throw new IllegalStateException(
              "the rulebook's rules do not pass the check: "
                  + checked.syntaxErrors()
                  + " "
                  + checked.refusals());
        }
      }
      checks.time(new double[Clock.values().length][Phase.values().length]);
      return checks;
    }

    /** Times the checks alone into {@code times}, by clock and phase. */
    void time(double[][] times) throws ReflectiveOperationException {
      Clock.Reading start = Clock.read();
      for (String text : texts) {
        RuleCode.check(text);
      }
      Clock.Reading afterCode = Clock.read();
      for (Table table : tables) {
        DataListener cells = (DataListener) newCells.newInstance(table.path(), columns);
        table
            .type()
            .createParser(List.of(cells))
            .parseFile(new ByteArrayInputStream(table.content()));
        List<?> problems = (List<?>) cellProblems.invoke(cells);
        if (!problems.isEmpty()) {
          throw new IllegalStateException(table.path() + " has wrong cells: " + problems);
        }
      }
      Clock.Reading afterCells = Clock.read();
      for (Table table : tables) {
        table
            .type()
            .createParser(List.of(new NothingListener()))
            .parseFile(new ByteArrayInputStream(table.content()));
      }
      Clock.Reading afterBare = Clock.read();
      start.until(afterCode, Phase.RULE_CODE, times);
      afterCode.until(afterCells, Phase.CELLS_OWN_PASS, times);
      afterCells.until(afterBare, Phase.BARE_TABLE_PASS, times);
    }

    /** {@code ColumnTemplates.parse(yaml).templates()}, or {@code ColumnTemplates.NONE}. */
    private static Object columnTemplates(byte[] yaml) throws ReflectiveOperationException {
      Class<?> templates = Class.forName("dev.accord.rules.ColumnTemplates");
      if (yaml == null) {
        var none = templates.getDeclaredField("NONE");
        none.setAccessible(true);
        return none.get(null);
      }
      Method parse = templates.getDeclaredMethod("parse", byte[].class);
      parse.setAccessible(true);
      Object parsed = parse.invoke(null, (Object) yaml);
      Method problems = parsed.getClass().getDeclaredMethod("problems");
      problems.setAccessible(true);
      if (!((List<?>) problems.invoke(parsed)).isEmpty()) {
        throw new IllegalStateException(COLUMNS + " has problems: " + problems.invoke(parsed));
      }
      Method result = parsed.getClass().getDeclaredMethod("templates");
      result.setAccessible(true);
      return result.invoke(parsed);
    }
  }

  /** A table parser's listener that takes every cell and does nothing with it. */
  private static final class NothingListener implements DataListener {

    @Override
    public void startSheet(String name) {}

    @Override
    public void finishSheet() {}

    @Override
    public void newRow(int row, int columns) {}

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {}
  }

  private record Settings(int warmup, int rounds, Path rulebook) {

    static Settings from(String[] args) {
      Arguments given = Arguments.parse(args, "accord.safety.");
      Settings settings =
          new Settings(
              given.atLeast(0, "warmup", 5),
              given.positive("rounds", 20),
              Path.of(
                  given.text(
                      "rulebook-dir",
                      System.getProperty("accord.rulebook.dir", "rules/rulebook"))));
      given.requireAllRead();
      return settings;
    }
  }
}
