package dev.accord.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaGroup;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The rulebook's rules, every stage in one knowledge base where each stage's rules form the agenda
 * group named after its folder; a decision runs the stages one after the other in one session no
 * other thread uses, so concurrent decisions share nothing but the immutable knowledge base.
 *
 * <p>A stage's rules fire only while the decision runs that stage: a rule of a later stage waits
 * for its turn even when its facts are already there, and a rule of an earlier stage never fires
 * again. Each stage sees the facts the stages before it were given.
 *
 * <p>Creating a session for a knowledge base of a few hundred rules costs more than deciding a lead
 * in it, so a session whose decision ran cleanly is emptied (every fact deleted, the decision's
 * watch restarted) and kept for the next decision; an empty session matches exactly what a new one
 * would. A session whose decision failed is disposed instead, as is every kept session once the
 * rulebook is closed.
 */
final class CompiledRules implements AutoCloseable {

  private final KieBase base;
  private final RuleBudget budget;
  private final Map<Stage, Set<String>> declaredGlobals;
  private final boolean sessionsReusable;
  private final Queue<Kept> idle = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  /**
   * @param declaredGlobals for each stage, the globals its rule files declare
   * @param sessionsReusable whether an emptied session decides like a new one: false when a rule
   *     matches without a fact (see {@link StageTurns#allStartFromAFact})
   */
  CompiledRules(
      KieBase base,
      Map<Stage, Set<String>> declaredGlobals,
      boolean sessionsReusable,
      RuleBudget budget) {
    this.base = base;
    this.budget = budget;
    this.declaredGlobals = Map.copyOf(declaredGlobals);
    this.sessionsReusable = sessionsReusable;
  }

  boolean sessionsReusable() {
    return sessionsReusable;
  }

  /** The session of one decision: what {@link #decide} hands the decision to run its stages in. */
  final class Stages {

    private final KieSession session;
    private final DecisionWatch watch;
    private final List<FactHandle> inserted = new ArrayList<>(4);
    private final List<Object> facts = new ArrayList<>(4);

    private Stages(KieSession session, DecisionWatch watch) {
      this.session = session;
      this.watch = watch;
    }

    /** The name of the rule whose consequence is writing, for the sheets to record. */
    Supplier<String> firingRule() {
      return watch;
    }

    /** The rule whose consequence is running, or was when a stage failed; null if none. */
    String currentRule() {
      return watch.currentRule();
    }

    /**
     * Adds the facts and fires the stage's rules; then takes away the facts those rules inserted
     * and puts back the decision's facts they deleted, so the next stage starts from the facts the
     * decision gave, as in a session of its own.
     *
     * @param globals every global the stage offers, by name; only those the stage's rule files
     *     declare are set, because Drools refuses a global nobody declared
     */
    void run(Stage stage, Map<String, Object> globals, Object... stageFacts) {
      for (String name : declaredGlobals.getOrDefault(stage, Set.of())) {
        session.setGlobal(name, globals.get(name));
      }
      for (Object fact : stageFacts) {
        inserted.add(session.insert(fact));
        facts.add(fact);
      }
      watch.given(inserted.size());
      AgendaGroup turn = session.getAgenda().getAgendaGroup(stage.folder());
      if (turn == null) {
        // No rule in any stage: the engine keeps no groups at all.
        return;
      }
      turn.setFocus();
      // The budget's listener stops the run at its limit; the bound is a second stop.
      int fired = session.fireAllRules(budget.firings() + 1);
      watch.checkStage();
      if (fired > 0) {
        keepToTheDecisionsFacts();
      }
    }

    private void keepToTheDecisionsFacts() {
      boolean deletedOne = false;
      for (FactHandle handle : inserted) {
        deletedOne |= session.getObject(handle) == null;
      }
      if (!deletedOne
          && session.getFactCount() == inserted.size()
          && session.getEntryPoints().size() == 1) {
        return;
      }
      Set<FactHandle> given = Collections.newSetFromMap(new IdentityHashMap<>());
      given.addAll(inserted);
      for (EntryPoint entryPoint : session.getEntryPoints()) {
        for (FactHandle handle : new ArrayList<>(entryPoint.<FactHandle>getFactHandles())) {
          if (!given.contains(handle)) {
            entryPoint.delete(handle);
          }
        }
      }
      for (int i = 0; i < inserted.size(); i++) {
        if (session.getObject(inserted.get(i)) == null) {
          inserted.set(i, session.insert(facts.get(i)));
        }
      }
    }
  }

  /**
   * Runs one decision in a session of its own.
   *
   * @param decision runs the stages it needs, in order, and makes the decision of what they wrote
   */
  <T> T decide(Function<Stages, T> decision) {
    Kept kept = idle.poll();
    if (kept == null) {
      KieSession created = base.newKieSession();
      // The budget's listener stays with the session; each decision starts its watch afresh.
      kept = new Kept(created, new DecisionWatch(budget, created));
    }
    KieSession session = kept.session();
    kept.watch().start();
    Stages stages = new Stages(session, kept.watch());
    boolean ranCleanly = false;
    try {
      T decided = decision.apply(stages);
      ranCleanly = true;
      return decided;
    } catch (RuntimeException failed) {
      throw budgetExceeded(failed).orElse(failed);
    } finally {
      if (ranCleanly && sessionsReusable) {
        keep(kept, stages.inserted);
      } else {
        session.dispose();
      }
    }
  }

  /** The engine wraps what a listener throws inside a consequence; the budget's is the news. */
  private static java.util.Optional<RuntimeException> budgetExceeded(Throwable failed) {
    for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleBudgetExceededException exceeded) {
        return java.util.Optional.of(exceeded);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return java.util.Optional.empty();
  }

  private void keep(Kept kept, List<FactHandle> inserted) {
    KieSession session = kept.session();
    try {
      empty(session, inserted);
    } catch (RuntimeException cannotBeEmptied) {
      // The lead's decision is made; a session that cannot be emptied is not reused, that is all.
      session.dispose();
      return;
    }
    idle.offer(kept);
    if (closed) {
      disposeIdle();
    }
  }

  /**
   * Deletes the facts the decision inserted and, should a rule have inserted facts of its own,
   * every fact in every entry point. The deletions cancel whatever they would activate (a {@code
   * not}, say) and whatever activations of a stage never run were waiting, before the next lead's
   * facts are inserted and the rules are evaluated again.
   */
  private static void empty(KieSession session, List<FactHandle> inserted) {
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

  /** Disposes the kept sessions; a decision still under way disposes its own when it ends. */
  @Override
  public void close() {
    closed = true;
    disposeIdle();
  }

  private void disposeIdle() {
    for (Kept kept = idle.poll(); kept != null; kept = idle.poll()) {
      kept.session().dispose();
    }
  }

  /** A session kept for later decisions, with the watch that listens to its rules. */
  private record Kept(KieSession session, DecisionWatch watch) {}
}
