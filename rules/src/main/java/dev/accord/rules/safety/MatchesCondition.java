package dev.accord.rules.safety;

import com.google.re2j.PatternSyntaxException;
import dev.accord.rules.lead.TextPattern;
import java.util.Optional;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;

/**
 * A {@code value matches "pattern"} condition, handed to {@link TextPattern}, which matches in time
 * linear in the text: the pattern must be a literal RE2 understands, and the condition's text is
 * rewritten to call it, so no pattern and no lead can make a decision backtrack without end.
 */
final class MatchesCondition {

  static final String MATCHES = "matches";

  private MatchesCondition() {}

  /** The {@code matches} relation a whole constraint is, if it is one. */
  static Optional<RelationalExprDescr> of(ConstraintConnectiveDescr parsed) {
    if (parsed.getDescrs().size() == 1
        && parsed.getDescrs().get(0) instanceof RelationalExprDescr relation
        && relation.getOperator().equals(MATCHES)) {
      return Optional.of(relation);
    }
    return Optional.empty();
  }

  /**
   * A {@code value matches "pattern"} condition: the value is checked like any code, the pattern
   * must be a literal the linear-time engine understands, and the condition is rewritten to call
   * it.
   */
  static void check(
      ExprConstraintDescr constraint,
      RelationalExprDescr relation,
      Conditions conditions,
      Findings findings) {
    if (!(relation.getLeft() instanceof AtomicExprDescr value)
        || !(relation.getRight() instanceof AtomicExprDescr pattern)
        || !pattern.isLiteral()
        || !pattern.getExpression().strip().startsWith("\"")) {
      findings.refuse(constraint, "'matches' takes a field and a pattern in double quotes");
      return;
    }
    conditions.code(constraint, value.getExpression());
    String literal = pattern.getExpression().strip();
    try {
      String regex = unquoted(literal);
      Optional<String> tooBig = PatternSize.whyTooBig(regex);
      if (tooBig.isPresent()) {
        findings.refuse(
            constraint, "the pattern " + literal + " cannot be matched: " + tooBig.get());
        return;
      }
      TextPattern.check(regex);
    } catch (PatternSyntaxException | IllegalArgumentException unsupported) {
      findings.refuse(
          constraint,
          "the pattern "
              + literal
              + " cannot be matched: "
              + unsupported.getMessage()
              + " (patterns may not use back-references or look-arounds)");
      return;
    }
    int start = constraint.getStartCharacter();
    int end = constraint.getEndCharacter() + 1;
    if (start < 0
        || end > findings.text().length()
        || !squeezed(findings.text().substring(start, end))
            .equals(squeezed(constraint.getExpression()))) {
      findings.refuse(constraint, "write the 'matches' condition on one line of its own");
      return;
    }
    String original = findings.text().substring(start, end);
    String call =
        (relation.isNegated() ? "!" : "")
            + TextPattern.class.getName()
            + ".matches("
            + value.getExpression().strip()
            + ", "
            + literal
            + ")";
    // The same line breaks after it, so every later line keeps its number.
    findings.rewrite(start, end, call + "\n".repeat(RuleCode.newlines(original)));
  }

  /** The pattern a DRL string literal stands for (its escapes read as MVEL reads them). */
  private static String unquoted(String literal) {
    String inner = literal.substring(1, literal.length() - 1);
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char next = inner.charAt(++i);
        value.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static String squeezed(String code) {
    return code.replaceAll("\\s+", "");
  }
}
