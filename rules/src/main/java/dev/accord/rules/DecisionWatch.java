package dev.accord.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Watches the rules firing in a session's decisions, one decision at a time: it tells the sheets
 * which rule's consequence is writing on them (so rule files need not pass their own name, and a
 * rule's name is always the reason recorded), and holds the decision to its {@link RuleBudget}:
 * before every firing it counts and looks at the clock, after it counts the facts the rules added,
 * and throws {@link RuleBudgetExceededException} the moment one runs out, so the engine stops where
 * it is.
 *
 * <p>It is the session's one agenda listener, registered once: every listener more costs each
 * decision an event dispatch per match (measured: about 1.5 µs, a third of a demo decision), and a
 * listener on the facts an event per fact. Only a decision that fires very often gets a second one,
 * to tell which rule keeps updating facts.
 */
final class DecisionWatch implements Supplier<String> {

  // The clock is looked at every eighth firing (and after every stage): a firing costs
  // microseconds, so a decision overruns its budget by a few at most.
  private static final int CHECK_EVERY = 7;

  // After this many firings in one decision, who updates facts is counted.
  private static final int COUNTED_AFTER = 1_000;

  private final RuleBudget budget;
  private final KieSession session;
  private final int countedAfter;
  private long deadline;
  private int firings;
  private long givenFacts;
  // The rule whose consequence runs now, and the last one that ran.
  private String firing;
  private String lastFired;
  private Map<String, Integer> firingsByRule;
  private Map<String, Integer> updatesByRule;

  private final DefaultRuleRuntimeEventListener updates =
      new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
          if (event.getRule() != null) {
            updatesByRule.merge(event.getRule().getName(), 1, Integer::sum);
          }
        }
      };

  private final DefaultAgendaEventListener agenda =
      new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
          firing = event.getMatch().getRule().getName();
          if (++firings > countedAfter) {
            countWhoFires();
          }
          if (firings > budget.firings()) {
            throw new RuleBudgetExceededException(
                mostActive(),
                "fired more than "
                    + budget.firings()
                    + " times for one lead and was stopped; it probably triggers itself again"
                    + " (update without no-loop)");
          }
          if ((firings & CHECK_EVERY) == 0 && System.nanoTime() - deadline > 0) {
            throw overran();
          }
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          lastFired = firing;
          firing = null;
          checkFacts();
        }
      };

  /** Watches the decisions of this session, from now on. */
  DecisionWatch(RuleBudget budget, KieSession session) {
    this.budget = budget;
    this.session = session;
    // Half the limit at the most, so the counts have firings to go by when it is reached.
    this.countedAfter = Math.min(COUNTED_AFTER, budget.firings() / 2);
    session.addEventListener(agenda);
  }

  /** Starts watching a decision: its clock runs from now, its counts from zero. */
  void start() {
    deadline = System.nanoTime() + budget.decision().toNanos();
    firings = 0;
    givenFacts = 0;
    firing = null;
    lastFired = null;
    firingsByRule = null;
    if (updatesByRule != null) {
      session.removeEventListener(updates);
      updatesByRule = null;
    }
  }

  /** The facts the decision itself gave so far: what rules add is counted beyond them. */
  void given(int facts) {
    givenFacts = facts;
  }

  /**
   * The rule whose consequence is running.
   *
   * @throws IllegalStateException outside a consequence: sheets are written on by rules only
   */
  @Override
  public String get() {
    if (firing == null) {
      throw new IllegalStateException("sheets are written on only from a rule's consequence");
    }
    return firing;
  }

  /** The rule whose consequence is running, or was when the decision failed; null if none. */
  String currentRule() {
    return firing;
  }

  /** Whether the decision is past its time or its facts; checked after each stage too. */
  void checkStage() {
    if (System.nanoTime() - deadline > 0) {
      throw overran();
    }
    checkFacts();
  }

  private void checkFacts() {
    if (session.getFactCount() - givenFacts > budget.facts()) {
      throw new RuleBudgetExceededException(
          lastFired,
          "inserted more than " + budget.facts() + " facts for one lead and was stopped");
    }
  }

  private void countWhoFires() {
    if (firingsByRule == null) {
      firingsByRule = new HashMap<>();
      updatesByRule = new HashMap<>();
      session.addEventListener(updates);
    }
    firingsByRule.merge(firing, 1, Integer::sum);
  }

  // The rule that keeps triggering the others: the one that updated facts most, else the one that
  // fired most once the count got high (an update() re-activates every rule on the fact, so the
  // rule firing at the limit may be another).
  private String mostActive() {
    Map<String, Integer> counts =
        updatesByRule != null && !updatesByRule.isEmpty() ? updatesByRule : firingsByRule;
    return counts == null || counts.isEmpty()
        ? firing
        : Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
  }

  private RuleBudgetExceededException overran() {
    return new RuleBudgetExceededException(
        firing != null ? firing : lastFired,
        "was firing when the decision of one lead went past its budget of "
            + budget.decision().toMillis()
            + " ms and was stopped");
  }
}
