package dev.accord.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a business user's rules may take: a decision (one lead, every stage) and a compile (with
 * its scenarios and checks) each have a wall-clock budget, and a decision a limit on how often its
 * rules fire and how many facts they insert. Past any of them the run is stopped and named; the
 * defaults are far above what a sane rulebook needs: a warm decision of the demo rulebook takes
 * about ten microseconds, the first one after a compile (the engine builds its network and compiles
 * conditions as it goes) up to a few hundred milliseconds on a loaded two-core machine, so a
 * decision gets 2 s.
 *
 * @param decision the most one lead's decision may take
 * @param compile the most compiling and checking a rulebook may take
 * @param firings the most rule firings in one decision
 * @param facts the most facts rules may insert in one decision
 */
public record RuleBudget(Duration decision, Duration compile, int firings, int facts) {

  public static final RuleBudget DEFAULT =
      new RuleBudget(Duration.ofSeconds(2), Duration.ofSeconds(30), 10_000, 20);

  public RuleBudget {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(compile, "compile");
    if (decision.isNegative() || decision.isZero() || compile.isNegative() || compile.isZero()) {
      throw new IllegalArgumentException("rule budgets are positive durations");
    }
    if (firings < 1 || facts < 0) {
      throw new IllegalArgumentException("a decision may fire at least one rule");
    }
  }
}
