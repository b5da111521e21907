package dev.accord.rules;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the compile of a rulebook, with its scenarios and checks, on a thread of its own that the
 * caller stops waiting for when the compile budget runs out: the watcher, a reload or a startup is
 * never held longer than the budget by rules a business user wrote. A compile past its budget is
 * interrupted and abandoned (each decision in it stops at its own, shorter budget).
 */
final class CompileWithinBudget {

  /** Compiles and checks a rulebook; may take as long as the rules make it. */
  interface Compile {
    Rulebook run() throws RulebookRejectedException;
  }

  private CompileWithinBudget() {}

  // Compiles that ran past their budget and are still running: Java cannot stop them, so no new
  // compile starts beside them to use the same memory and processors.
  private static final Set<Thread> ABANDONED = ConcurrentHashMap.newKeySet();

  static Rulebook run(Duration budget, Compile compile) throws RulebookRejectedException {
    ABANDONED.removeIf(thread -> !thread.isAlive());
    if (!ABANDONED.isEmpty()) {
      throw RulebookRejectedException.of(
          ".",
          0,
          "an earlier compile that ran past its budget is still running and cannot be stopped"
              + " before it ends; try again in a minute");
    }
    CompletableFuture<Rulebook> result = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.complete(compile.run());
              } catch (RulebookRejectedException | RuntimeException | Error failed) {
                result.completeExceptionally(failed);
              }
            },
            "accord-rulebook-compile");
    worker.setDaemon(true);
    worker.start();
    try {
      return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException overran) {
      worker.interrupt();
      ABANDONED.add(worker);
      result.thenAccept(Rulebook::close);
      throw RulebookRejectedException.of(
          ".",
          0,
          "compiling and checking the rulebook took longer than its budget of "
              + budget.toMillis()
              + " ms and was stopped; look for rules that fire again and again or conditions"
              + " that join many facts");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      worker.interrupt();
      throw RulebookRejectedException.of(".", 0, "the compile was interrupted");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RulebookRejectedException rejected) {
        throw rejected;
      }
      if (failed.getCause() instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      if (failed.getCause() instanceof Error exhausted) {
        // A rule or pattern that exhausts the stack or the heap is refused like any other.
        throw RulebookRejectedException.of(
            ".",
            0,
            "the rulebook could not be compiled and checked: "
                + exhausted.getClass().getSimpleName()
                + (exhausted.getMessage() == null ? "" : " (" + exhausted.getMessage() + ")")
                + "; look for very long or deeply nested patterns, cells or conditions");
      }
      throw new IllegalStateException("the rulebook compile failed", failed.getCause());
    }
  }
}
