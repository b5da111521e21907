package dev.accord.rules;

import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * One stage's compiled rules, able to run them for one lead in a session of its own so concurrent
 * decisions share nothing but the immutable knowledge base.
 */
final class CompiledStage {

  // A rule that keeps re-activating itself (e.g. update() without no-loop) must not hang the
  // caller's thread; no sensible stage fires anywhere near this many rules for one lead.
  static final int MAX_FIRINGS_PER_LEAD = 10_000;

  private final Stage stage;
  private final KieBase base;
  private final Set<String> declaredGlobals;

  CompiledStage(Stage stage, KieBase base, Set<String> declaredGlobals) {
    this.stage = stage;
    this.base = base;
    this.declaredGlobals = Set.copyOf(declaredGlobals);
  }

  /**
   * @param globals every global the stage offers, by name; only those the rule files declare are
   *     set, because Drools refuses a global nobody declared
   */
  void run(Map<String, Object> globals, AgendaEventListener listener, Object... facts) {
    KieSession session = base.newKieSession();
    try {
      session.addEventListener(listener);
      for (String name : declaredGlobals) {
        session.setGlobal(name, globals.get(name));
      }
      for (Object fact : facts) {
        session.insert(fact);
      }
      int fired = session.fireAllRules(MAX_FIRINGS_PER_LEAD);
      if (fired >= MAX_FIRINGS_PER_LEAD) {
        throw new IllegalStateException(
            "the "
                + stage.folder()
                + " rules fired "
                + fired
                + " times for one lead and were stopped; a rule probably re-triggers itself");
      }
    } finally {
      session.dispose();
    }
  }
}
