package dev.accord.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;

/**
 * Watches a session's decisions, one at a time, against their {@link RuleBudget}: before every
 * firing it counts and looks at the clock, and at every fact a rule inserts it counts, throwing
 * {@link RuleBudgetExceededException} the moment one runs out so the engine stops where it is.
 */
final class DecisionBudget {

  private final RuleBudget budget;
  private long deadline;
  private int firings;
  private int inserted;
  private String firing;
  private Map<String, Integer> firingsByRule;
  private Map<String, Integer> changesByRule;

  private static final int COUNTED_AFTER = 1_000;

  final DefaultAgendaEventListener agenda =
      new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
          firing = event.getMatch().getRule().getName();
          if (++firings > COUNTED_AFTER) {
            // Rare: only a decision that fires this often pays for counting who fires.
            if (firingsByRule == null) {
              firingsByRule = new HashMap<>();
            }
            firingsByRule.merge(firing, 1, Integer::sum);
          }
          if (firings > budget.firings()) {
            throw new RuleBudgetExceededException(
                mostFired(),
                "fired more than "
                    + budget.firings()
                    + " times for one lead and was stopped; it probably triggers itself again"
                    + " (update without no-loop)");
          }
          if (System.nanoTime() - deadline > 0) {
            throw overran();
          }
        }
      };

  final DefaultRuleRuntimeEventListener facts =
      new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
          if (event.getRule() != null) {
            if (changesByRule == null) {
              changesByRule = new HashMap<>();
            }
            changesByRule.merge(event.getRule().getName(), 1, Integer::sum);
          }
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          if (event.getRule() != null && ++inserted > budget.facts()) {
            throw new RuleBudgetExceededException(
                event.getRule().getName(),
                "inserted more than " + budget.facts() + " facts for one lead and was stopped");
          }
        }
      };

  DecisionBudget(RuleBudget budget) {
    this.budget = budget;
  }

  /** Starts watching a decision: its clock runs from now, its counts from zero. */
  void start() {
    deadline = System.nanoTime() + budget.decision().toNanos();
    firings = 0;
    inserted = 0;
    firing = null;
    firingsByRule = null;
    changesByRule = null;
  }

  /** Whether the decision is past its time; checked between stages too. */
  void checkTime() {
    if (System.nanoTime() - deadline > 0) {
      throw overran();
    }
  }

  // The rule that keeps triggering the others: the one that updated facts most, else the one that
  // fired most once the count got high (an update() re-activates every rule on the fact, so the
  // rule firing at the limit may be another).
  private String mostFired() {
    Map<String, Integer> counts = changesByRule != null ? changesByRule : firingsByRule;
    return counts == null
        ? firing
        : Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
  }

  private RuleBudgetExceededException overran() {
    return new RuleBudgetExceededException(
        firing,
        "was firing when the decision of one lead went past its budget of "
            + budget.decision().toMillis()
            + " ms and was stopped");
  }
}
