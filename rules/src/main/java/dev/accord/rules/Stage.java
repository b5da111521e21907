package dev.accord.rules;

import dev.accord.rules.decision.GradeSheet;
import dev.accord.rules.decision.ScoreSheet;
import dev.accord.rules.decision.TeamChoice;
import dev.accord.rules.sla.SlaTerms;
import java.util.Map;

/**
 * The concerns a rulebook is split into, in the order they run; each is an agenda group of the
 * rulebook's knowledge base, fired in its turn, so a stage's rules see the facts the stages before
 * it settled and never fire in another stage's turn.
 */
enum Stage {
  SCORING("scoring", Map.of("fit", ScoreSheet.class, "engagement", ScoreSheet.class)),
  GRADING("grading", Map.of("grading", GradeSheet.class)),
  ROUTING("routing", Map.of("routing", TeamChoice.class)),
  SLA("sla", Map.of("sla", SlaTerms.class));

  private final String folder;
  private final Map<String, Class<?>> globals;

  Stage(String folder, Map<String, Class<?>> globals) {
    this.folder = folder;
    this.globals = globals;
  }

  /** The stage whose rules sit in this folder of the rulebook, or null. */
  static Stage of(String folder) {
    for (Stage stage : values()) {
      if (stage.folder.equals(folder)) {
        return stage;
      }
    }
    return null;
  }

  /**
   * The sub-folder of the rulebook holding this stage's rule files, also its agenda group's name.
   */
  String folder() {
    return folder;
  }

  /** The globals the engine hands to this stage's rules, by name. */
  Map<String, Class<?>> globals() {
    return globals;
  }
}
