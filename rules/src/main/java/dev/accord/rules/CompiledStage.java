package dev.accord.rules;

import java.util.ArrayList;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One stage's compiled rules, able to run them for one lead in a session no other thread uses, so
 * concurrent decisions share nothing but the immutable knowledge base.
 *
 * <p>Creating a session for a knowledge base of a few hundred rules costs more than deciding a lead
 * in it, so a session that ran cleanly is emptied (every fact deleted, the run's listener removed)
 * and kept for the next lead; an empty session matches exactly what a new one would. A session
 * whose run failed is disposed instead, as is every kept session once the rulebook is closed.
 */
final class CompiledStage implements AutoCloseable {

  // A rule that keeps re-activating itself (e.g. update() without no-loop) must not hang the
  // caller's thread; no sensible stage fires anywhere near this many rules for one lead.
  static final int MAX_FIRINGS_PER_LEAD = 10_000;

  private final Stage stage;
  private final KieBase base;
  private final Set<String> declaredGlobals;
  private final Queue<KieSession> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

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
    KieSession session = idle.poll();
    if (session == null) {
      session = base.newKieSession();
    }
    FactHandle[] inserted = new FactHandle[facts.length];
    boolean ranCleanly = false;
    try {
      session.addEventListener(listener);
      for (String name : declaredGlobals) {
        session.setGlobal(name, globals.get(name));
      }
      for (int i = 0; i < facts.length; i++) {
        inserted[i] = session.insert(facts[i]);
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
      ranCleanly = true;
    } finally {
      if (ranCleanly) {
        keep(session, listener, inserted);
      } else {
        session.dispose();
      }
    }
  }

  private void keep(KieSession session, AgendaEventListener listener, FactHandle[] inserted) {
    try {
      session.removeEventListener(listener);
      empty(session, inserted);
    } catch (RuntimeException cannotBeEmptied) {
      // The lead's decision is made; a session that cannot be emptied is not reused, that is all.
      session.dispose();
      return;
    }
    idle.offer(session);
    if (closed) {
      disposeIdle();
    }
  }

  /**
   * Deletes the facts the run inserted and, should a rule have inserted facts of its own, every
   * fact in every entry point. The deletions cancel whatever they would activate (a {@code not},
   * say) once the next lead's facts are inserted and the rules are evaluated again.
   */
  private static void empty(KieSession session, FactHandle[] inserted) {
    for (FactHandle handle : inserted) {
      if (session.getObject(handle) != null) {
        session.delete(handle);
      }
    }
    if (session.getFactCount() == 0 && session.getEntryPoints().size() == 1) {
      return;
    }
    for (EntryPoint entryPoint : session.getEntryPoints()) {
      for (FactHandle handle : new ArrayList<>(entryPoint.<FactHandle>getFactHandles())) {
        entryPoint.delete(handle);
      }
    }
  }

  /** Disposes the kept sessions; a run still under way disposes its own when it ends. */
  @Override
  public void close() {
    closed = true;
    disposeIdle();
  }

  private void disposeIdle() {
    for (KieSession session = idle.poll(); session != null; session = idle.poll()) {
      session.dispose();
    }
  }
}
