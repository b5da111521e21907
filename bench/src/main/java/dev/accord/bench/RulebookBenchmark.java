package dev.accord.bench;

import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.routing.RepInRotation;
import dev.accord.rules.routing.RotationPick;
import dev.accord.rules.routing.TeamRotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the rules module costs per lead and per reload, measured against a rulebook of one rule per
 * stage so the figures separate what the demo rules add from what the engine costs anyway.
 *
 * <p>{@code baselineDecideMinimalRulebook} is the baseline for every {@code decide…} and for {@code
 * pickRepInRotation}; {@code compileMinimalRulebook} is the baseline for {@code
 * compileDemoRulebook}. Run from the repository root, or point {@code -Daccord.rulebook.dir} at the
 * demo rulebook; {@link RulebookRatios} turns the JSON results into the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulebookBenchmark {

  /** One rule per stage, each firing for every lead: the same engine path with nothing to match. */
  private static final String MINIMAL_SCORING =
      """
      package scoring;
      import dev.accord.rules.lead.Lead;
      import dev.accord.rules.decision.ScoreSheet;
      global ScoreSheet fit;
      rule "Every lead is worth a point"
      when
          Lead()
      then
          fit.award(1);
      end
      """;

  private static final String MINIMAL_GRADING =
      """
      package grading;
      import dev.accord.rules.lead.Grade;
      import dev.accord.rules.decision.Scores;
      import dev.accord.rules.decision.GradeSheet;
      global GradeSheet grading;
      rule "Every lead is a D lead"
      when
          Scores()
      then
          grading.assign(Grade.D);
      end
      """;

  private static final String MINIMAL_ROUTING =
      """
      package routing;
      import dev.accord.rules.lead.Lead;
      import dev.accord.rules.decision.TeamChoice;
      global TeamChoice routing;
      rule "Every lead goes to the EMEA team"
      when
          Lead()
      then
          routing.toTeam("emea");
      end
      """;

  /** A VP of a large German company asking for a demo after a webinar: grade A, EMEA. */
  private final Lead hotEmeaLead =
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
          "demo");

  /** A student at a tiny company reading the newsletter: grade D, Americas. */
  private final Lead coldLead =
      new Lead(
          "sam@example.com",
          "Sam",
          "Lee",
          "Lee Studio",
          "Student",
          3,
          "US",
          null,
          "website",
          "newsletter");

  /** A director in Kosovo (XK, outside ISO 3166), which no territory covers: no team. */
  private final Lead uncoveredCountryLead =
      new Lead(
          "noor@example.aq",
          "Noor",
          "Haddad",
          "Polar Logistics",
          "Director of Operations",
          300,
          "XK",
          null,
          "event",
          "pricing");

  /** The size of a demo team: three reps, one away, one never assigned. */
  private final List<RepInRotation> team =
      List.of(
          new RepInRotation("priya.nair", "Priya Nair", true, 41L),
          new RepInRotation("ana.costa", "Ana Costa", false, null),
          new RepInRotation("jonas.weber", "Jonas Weber", true, null));

  private Path demoFolder;
  private Path minimalFolder;
  private Rulebook minimal;
  private Rulebook demo;

  @Setup
  public void compileRulebooks() throws IOException, RulebookRejectedException {
    demoFolder = Path.of(System.getProperty("accord.rulebook.dir", "rules/rulebook"));
    if (!Files.isDirectory(demoFolder)) {
      throw new IllegalStateException(
          "no rulebook at "
              + demoFolder.toAbsolutePath()
              + "; run from the repository root or pass -Daccord.rulebook.dir=...");
    }
    minimalFolder = Files.createTempDirectory("accord-minimal-rulebook");
    write("scoring/minimal.drl", MINIMAL_SCORING);
    write("grading/minimal.drl", MINIMAL_GRADING);
    write("routing/minimal.drl", MINIMAL_ROUTING);
    minimal = Rulebook.compile(minimalFolder);
    demo = Rulebook.compile(demoFolder);
    // A benchmark of the wrong path is worse than none: fail the run if a lead is not decided the
    // way its description says.
    expect(demo.decide(hotEmeaLead), "A", "emea");
    expect(demo.decide(coldLead), "D", "americas");
    expect(demo.decide(uncoveredCountryLead), "B", null);
    expect(minimal.decide(hotEmeaLead), "D", "emea");
  }

  @TearDown
  public void deleteMinimalRulebook() throws IOException {
    try (Stream<Path> paths = Files.walk(minimalFolder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public Decision baselineDecideMinimalRulebook() {
    return minimal.decide(hotEmeaLead);
  }

  @Benchmark
  public Decision decideHotEmeaLead() {
    return demo.decide(hotEmeaLead);
  }

  @Benchmark
  public Decision decideColdLead() {
    return demo.decide(coldLead);
  }

  @Benchmark
  public Decision decideUncoveredCountryLead() {
    return demo.decide(uncoveredCountryLead);
  }

  @Benchmark
  public RotationPick pickRepInRotation() {
    return TeamRotation.pick(team);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rulebook compileMinimalRulebook() throws RulebookRejectedException {
    return Rulebook.compile(minimalFolder);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Rulebook compileDemoRulebook() throws RulebookRejectedException {
    return Rulebook.compile(demoFolder);
  }

  private void write(String file, String content) throws IOException {
    Path path = minimalFolder.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private static void expect(Decision decision, String grade, String team) {
    if (!decision.grade().name().equals(grade)
        || !decision.team().equals(Optional.ofNullable(team))) {
      throw new IllegalStateException(
          "expected grade "
              + grade
              + " and team "
              + team
              + " but the rulebook decided "
              + decision);
    }
  }
}
