package dev.accord.rules;

import dev.accord.rules.safety.RuleCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate between a business user's rule files and the engine: every file's text passes the
 * allow-list of {@link RuleCode} or the rulebook is refused with each place and reason, before the
 * engine compiles (let alone runs) any of it.
 */
final class RuleSafety {

  /** The longest rule name a receipt stores (lead_reason.rule_name). */
  static final int RULE_NAME_MAX = RuleCode.RULE_NAME_MAX;

  /** The most rules a rulebook may have: compiling 20,000 takes longer than a compile's budget. */
  static final int MAX_RULES = 5_000;

  private RuleSafety() {}

  /**
   * The texts to compile, each as the allow-list hands it on; what the files may not do is added to
   * the problems, in which case nothing may be compiled.
   */
  static List<DrlSource> checked(List<DrlSource> files, List<RulebookProblem> problems) {
    List<DrlSource> checked = new ArrayList<>();
    int rules = 0;
    for (DrlSource file : files) {
      RuleCode.Checked result;
      try {
        result = RuleCode.check(file.drl());
      } catch (RuntimeException | StackOverflowError unreadable) {
        // What the parsers cannot take (an unexpected construct, nesting deeper than their stack)
        // is refused like anything else not understood.
        problems.add(
            new RulebookProblem(
                file.path(),
                0,
                "this file cannot be checked ("
                    + unreadable.getClass().getSimpleName()
                    + "); look for very deep nesting or a construct rules do not use"));
        checked.add(file);
        continue;
      }
      rules += result.rules();
      for (RuleCode.SyntaxError error : result.syntaxErrors()) {
        problems.add(
            new RulebookProblem(
                file.path(),
                file.sourceLine(error.line()),
                RulebookCompiler.readable(error.message())));
      }
      for (RuleCode.Refusal refusal : result.refusals()) {
        problems.add(
            new RulebookProblem(file.path(), file.sourceLine(refusal.line()), refusal.reason()));
      }
      checked.add(
          new DrlSource(file.path(), file.resource(), result.compiledText(), file.sourceLines()));
    }
    if (rules > MAX_RULES) {
      problems.add(
          new RulebookProblem(
              ".",
              0,
              "the rulebook has "
                  + rules
                  + " rules; a rulebook has at most "
                  + MAX_RULES
                  + " (the demo has about 300), so that a change compiles within its budget"));
    }
    return checked;
  }
}
