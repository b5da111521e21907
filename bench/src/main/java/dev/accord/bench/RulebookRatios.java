package dev.accord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON results of a {@link RulebookBenchmark} run ({@code -rf json}) and prints each
 * figure as a ratio to its baseline from the same run, because absolute times on a shared 2-core
 * machine mean little and ratios are what the project reports.
 *
 * <p>{@code compile…} benchmarks are compared with {@code compileMinimalRulebook}, all others with
 * {@code baselineDecideMinimalRulebook}. The ratio range combines the 99.9% confidence intervals
 * JMH reports (low/high of the benchmark over high/low of the baseline).
 */
public final class RulebookRatios {

  private static final String DECIDE_BASELINE = "baselineDecideMinimalRulebook";
  private static final String COMPILE_BASELINE = "compileMinimalRulebook";

  private RulebookRatios() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "bench/target/jmh-rulebook.json");
    Map<String, Score> scores = new LinkedHashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(results.toFile())) {
      String benchmark = run.get("benchmark").asText();
      JsonNode metric = run.get("primaryMetric");
      double toNanos = nanosPer(metric.get("scoreUnit").asText());
      JsonNode confidence = metric.get("scoreConfidence");
      scores.put(
          benchmark.substring(benchmark.lastIndexOf('.') + 1),
          new Score(
              metric.get("score").asDouble() * toNanos,
              confidence.get(0).asDouble() * toNanos,
              confidence.get(1).asDouble() * toNanos));
    }
    System.out.printf(
        Locale.ROOT,
        "%-32s %14s %10s %18s  %s%n",
        "benchmark",
        "time/op",
        "ratio",
        "ratio range",
        "baseline");
    scores.forEach(
        (name, score) -> {
          String baselineName = name.startsWith("compile") ? COMPILE_BASELINE : DECIDE_BASELINE;
          Score baseline = scores.get(baselineName);
          if (baseline == null) {
            System.out.printf(Locale.ROOT, "%-32s %14s%n", name, readable(score.nanos()));
            return;
          }
          // With few iterations JMH's interval can reach below zero; no range is honest then.
          String range =
              score.low() > 0 && baseline.low() > 0
                  ? String.format(
                      Locale.ROOT,
                      "%.2fx–%.2fx",
                      score.low() / baseline.high(),
                      score.high() / baseline.low())
                  : "n/a";
          System.out.printf(
              Locale.ROOT,
              "%-32s %14s %9.2fx %18s  %s%n",
              name,
              readable(score.nanos()),
              score.nanos() / baseline.nanos(),
              range,
              baselineName);
        });
  }

  private static String readable(double nanos) {
    return nanos >= 1_000_000
        ? String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000)
        : String.format(Locale.ROOT, "%.2f µs", nanos / 1_000);
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1_000;
      case "ms/op" -> 1_000_000;
      case "s/op" -> 1_000_000_000;
      default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
    };
  }

  private record Score(double nanos, double low, double high) {}
}
