package dev.accord.bench;

import dev.accord.rules.RulebookRejectedException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time one decision of {@link RoutingDecisionBenchmark} costs, on one thread, against the
 * empty Drools session of the same benchmark, measured in alternation round after round.
 *
 * <p>JMH's throughput on two threads swings by half from one iteration to the next on this 2-vCPU
 * machine; the thread's own CPU time does not count what the other vCPU's neighbours take, so it
 * tells small differences between two builds or two rulebooks apart where the throughput cannot. It
 * does not count the garbage collector's threads either, which work hardest for the empty session
 * (a session built and disposed per lead): JMH's ratio stays the figure of record. Which rulebook:
 * {@code -Daccord.rulebook.dir}, as for the benchmark.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.accord.bench.DecisionCpuCost [rounds]
 * </pre>
 */
public final class DecisionCpuCost {

  private static final int DECISIONS_PER_ROUND = 200_000;

  private DecisionCpuCost() {}

  public static void main(String[] args) throws RulebookRejectedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 14;
    RoutingDecisionBenchmark benchmark = new RoutingDecisionBenchmark();
    benchmark.setUp();
    RoutingDecisionBenchmark.Ledger ledger = new RoutingDecisionBenchmark.Ledger();
    ledger.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    for (int round = 1; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < DECISIONS_PER_ROUND; i++) {
        benchmark.baselineEmptySession(ledger);
      }
      long afterEmpty = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < DECISIONS_PER_ROUND; i++) {
        benchmark.scoreAndRoute(ledger);
      }
      long afterScoreAndRoute = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < DECISIONS_PER_ROUND; i++) {
        benchmark.decideAndRoute(ledger);
      }
      long afterDecide = threads.getCurrentThreadCpuTime();
      double empty = micros(afterEmpty - start);
      double scoreAndRoute = micros(afterScoreAndRoute - afterEmpty);
      double decide = micros(afterDecide - afterScoreAndRoute);
      // The first rounds include the JIT compiling; read the later ones.
      System.out.printf(
          Locale.ROOT,
          "round %2d: empty session %.2f µs, scoreAndRoute %.2f µs (%.3f×), decideAndRoute %.2f µs"
              + " (%.3f×)%n",
          round,
          empty,
          scoreAndRoute,
          empty / scoreAndRoute,
          decide,
          empty / decide);
    }
  }

  private static double micros(long cpuNanos) {
    return cpuNanos / 1_000.0 / DECISIONS_PER_ROUND;
  }
}
