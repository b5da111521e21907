package dev.accord.rules;

import dev.accord.rules.safety.RuleCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

/**
 * What keeps each stage's rules to the stage's turn in the one session a decision runs in, checked
 * on the built rules: every rule sits in its stage's agenda group and takes no focus, and an
 * activation group (only its first rule fires) never spans two stages, where its first rule would
 * silence the other stage's.
 */
final class StageTurns {

  static final String OWN_GROUP = RuleCode.OWN_GROUP;

  private StageTurns() {}

  static List<RulebookProblem> problems(Map<Stage, List<RuleImpl>> rules, List<DrlSource> folder) {
    List<RulebookProblem> problems = new ArrayList<>();
    Map<String, Set<Stage>> stagesOfActivationGroup = new TreeMap<>();
    rules.forEach(
        (stage, ofStage) -> {
          for (RuleImpl rule : ofStage) {
            String ownGroup =
                !stage.folder().equals(rule.getAgendaGroup())
                    ? "agenda-group"
                    : rule.getAutoFocus()
                        ? "auto-focus"
                        : rule.getRuleFlowGroup() != null && !rule.getRuleFlowGroup().isEmpty()
                            ? "ruleflow-group"
                            : null;
            if (ownGroup != null) {
              problems.addAll(
                  RulebookCompiler.locateRule(
                      rule.getName(), "'" + ownGroup + "' " + OWN_GROUP, folder));
            }
            if (rule.getActivationGroup() != null && !rule.getActivationGroup().isEmpty()) {
              stagesOfActivationGroup
                  .computeIfAbsent(rule.getActivationGroup(), name -> EnumSet.noneOf(Stage.class))
                  .add(stage);
            }
          }
        });
    rules.forEach(
        (stage, ofStage) -> {
          for (RuleImpl rule : ofStage) {
            Set<Stage> stages =
                rule.getActivationGroup() == null
                    ? null
                    : stagesOfActivationGroup.get(rule.getActivationGroup());
            if (stages != null && stages.size() > 1) {
              problems.addAll(
                  RulebookCompiler.locateRule(
                      rule.getName(),
                      "activation-group '"
                          + rule.getActivationGroup()
                          + "' has rules in "
                          + String.join(" and ", stages.stream().map(Stage::folder).toList())
                          + "; only one rule of a group fires for a lead, so a group belongs to"
                          + " one stage (name the other stage's group differently)",
                      folder));
            }
          }
        });
    return problems.stream().distinct().toList();
  }

  /**
   * Whether every rule's conditions start from a fact of the decision (a lead, its scores, grade or
   * team, or a fact a rule inserted), so that emptying a session of its facts leaves it as a new
   * one. A rule starting with {@code not}, {@code exists}, {@code eval}, {@code from} or no
   * condition at all matches the engine's own initial fact instead, and fires once per session:
   * such a rulebook gets a new session for every decision.
   */
  static boolean allStartFromAFact(Map<Stage, List<RuleImpl>> rules) {
    return rules.values().stream()
        .flatMap(List::stream)
        .allMatch(rule -> startsFromAFact(rule.getLhs()));
  }

  private static boolean startsFromAFact(RuleConditionElement element) {
    if (element instanceof GroupElement group) {
      if (group.isOr()) {
        return !group.getChildren().isEmpty()
            && group.getChildren().stream().allMatch(StageTurns::startsFromAFact);
      }
      return group.isAnd()
          && !group.getChildren().isEmpty()
          && startsFromAFact(group.getChildren().get(0));
    }
    return element instanceof Pattern pattern
        && pattern.getSource() == null
        && !ClassObjectType.InitialFact_ObjectType.equals(pattern.getObjectType());
  }
}
