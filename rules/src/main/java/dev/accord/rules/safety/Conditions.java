package dev.accord.rules.safety;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;

/**
 * The conditions of one rule: patterns on the decision's facts, combined with and, or, not, exists
 * and forall, each constraint read by Drools' own expression parser and its code checked as Java;
 * the names they bind are what the consequence may use.
 */
final class Conditions {

  // A rule joins at most the lead, its scores, its grade and its team.
  static final int MAX_PATTERNS = 4;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> MEMBERSHIP = Set.of("contains", "memberOf");

  private final Findings findings;
  private final Set<String> globals;
  private final Map<String, Class<?>> bindings = new HashMap<>();
  private final DrlExprParser expressions =
      DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
  // The fact of the pattern whose constraints are being checked.
  private Class<?> fact;
  private int patterns;

  Conditions(Findings findings, Set<String> globals) {
    this.findings = findings;
    this.globals = globals;
  }

  /** Checks a rule's conditions; what they bind is then in {@link #bindings()}. */
  void check(AndDescr conditions) {
    conditions(conditions);
    if (patterns > MAX_PATTERNS) {
      findings.refuse(
          conditions,
          "the rule matches "
              + patterns
              + " facts; a rule looks at most at "
              + MAX_PATTERNS
              + " (the lead, its scores, its grade, its team)");
    }
  }

  Map<String, Class<?>> bindings() {
    return bindings;
  }

  private void conditions(BaseDescr element) {
    if (element instanceof AndDescr
        || element instanceof OrDescr
        || element instanceof NotDescr
        || element instanceof ExistsDescr
        || element instanceof ForallDescr) {
      for (BaseDescr child : ((ConditionalElementDescr) element).getDescrs()) {
        conditions(child);
      }
    } else if (element instanceof PatternDescr pattern) {
      patterns++;
      pattern(pattern);
    } else if (element instanceof EvalDescr) {
      findings.refuse(element, "'eval' runs code of its own; write the condition inside a pattern");
    } else {
      findings.refuse(
          element,
          "'"
              + element.getClass().getSimpleName().replace("Descr", "").toLowerCase()
              + "' is not for rules: conditions are patterns on Lead, Scores, Graded or Routed,"
              + " combined with and, or, not, exists and forall");
    }
  }

  private void pattern(PatternDescr pattern) {
    if (pattern.getSource() != null) {
      findings.refuse(
          pattern,
          "'from', 'accumulate', 'collect' and entry points are not for rules: a pattern matches"
              + " the decision's own facts");
      return;
    }
    if (pattern.isQuery()) {
      findings.refuse(pattern, "queries are not for rules");
      return;
    }
    if (!pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty()) {
      findings.refuse(pattern, "annotations and windows are not for rules");
    }
    Optional<Class<?>> type =
        Optional.ofNullable(pattern.getObjectType())
            .flatMap(name -> AllowList.allowedClass(name.strip()))
            .filter(AllowList.FACTS::containsValue);
    if (type.isEmpty()) {
      findings.refuse(
          pattern,
          "'"
              + (pattern.getObjectType() == null ? pattern.getText() : pattern.getObjectType())
              + "' is not a fact rules may match; the facts are Lead, Scores, Graded and Routed");
      return;
    }
    if (pattern.getIdentifier() != null) {
      bindings.put(pattern.getIdentifier(), type.get());
    }
    if (!pattern.getPositionalConstraints().isEmpty()) {
      findings.refuse(
          pattern, "name the field a condition is on (positional conditions are not for rules)");
    }
    for (BaseDescr constraint : pattern.getDescrs()) {
      if (constraint instanceof ExprConstraintDescr expression) {
        constraint(expression, type.get());
      } else {
        findings.refuse(constraint, "this condition is not for rules");
      }
    }
  }

  private void constraint(ExprConstraintDescr constraint, Class<?> fact) {
    this.fact = fact;
    if (strayQuoteOrSemicolon(constraint.getExpression())
        || strayQuoteOrSemicolon(raw(constraint))) {
      // Drools turns 'text' into "text" without escaping what is inside, and its expression
      // parser stops quietly at a ';': the rest would be read by no check.
      findings.refuse(
          constraint,
          "single quotes and ';' are not for conditions; write text in double quotes \"…\"");
      return;
    }
    ConstraintConnectiveDescr parsed = expressions.parse(constraint.getExpression());
    if (expressions.hasErrors() || parsed == null) {
      findings.refuse(
          constraint, "'" + constraint.getExpression().strip() + "' cannot be read as a condition");
      return;
    }
    Optional<RelationalExprDescr> wholeMatch = MatchesCondition.of(parsed);
    if (wholeMatch.isPresent()) {
      MatchesCondition.check(constraint, wholeMatch.get(), this, findings);
      return;
    }
    connective(constraint, parsed);
  }

  private void connective(ExprConstraintDescr at, BaseDescr element) {
    if (element instanceof ConstraintConnectiveDescr connective) {
      for (BaseDescr child : connective.getDescrs()) {
        connective(at, child);
      }
    } else if (element instanceof RelationalExprDescr relation) {
      String operator = relation.getOperator();
      if (operator.equals(MatchesCondition.MATCHES)) {
        findings.refuse(
            at,
            "write 'matches' as a condition of its own, separated by a comma: "
                + "Lead( industry != null, industry matches \"…\" )");
      } else if (!COMPARISONS.contains(operator) && !MEMBERSHIP.contains(operator)) {
        findings.refuse(
            at,
            "the operator '"
                + operator
                + "' is not for rules; use ==, !=, <, <=, >, >=, in, contains, memberOf or"
                + " matches");
      } else if (relation.getParameters() != null && !relation.getParameters().isEmpty()) {
        findings.refuse(at, "operator parameters ([…]) are not for rules");
      }
      connective(at, relation.getLeft());
      connective(at, relation.getRight());
    } else if (element instanceof BindingDescr binding) {
      code(at, binding.getExpression());
      bindings.put(
          binding.getVariable(),
          JavaCode.typeOf(binding.getExpression(), new CodeCheck.Names(fact, bindings, globals)));
    } else if (element instanceof AtomicExprDescr atomic) {
      code(at, atomic.getExpression());
    } else {
      findings.refuse(at, "'" + at.getExpression().strip() + "' cannot be read as a condition");
    }
  }

  /** Checks code in a constraint of the pattern being checked. */
  void code(ExprConstraintDescr at, String expression) {
    for (CodeCheck.Refusal refusal :
        JavaCode.condition(expression, new CodeCheck.Names(fact, bindings, globals))) {
      findings.refuse(at.getLine() + refusal.line() - 1, refusal.reason());
    }
  }

  /** The constraint as it stands in the file, when the parser says where. */
  private String raw(ExprConstraintDescr constraint) {
    int start = constraint.getStartCharacter();
    int end = constraint.getEndCharacter() + 1;
    String text = findings.text();
    return start >= 0 && end <= text.length() && start < end ? text.substring(start, end) : "";
  }

  private static boolean strayQuoteOrSemicolon(String code) {
    boolean inString = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '\'' || c == ';') {
        return true;
      }
    }
    return false;
  }
}
