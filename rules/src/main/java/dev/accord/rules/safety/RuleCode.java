package dev.accord.rules.safety;

import com.google.re2j.PatternSyntaxException;
import dev.accord.rules.lead.TextPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The allow-list check of one rule file's text, on the structure Drools' own parser reads from it
 * (packages, imports, globals, rules with their attributes, patterns and constraints) and, for the
 * code inside, on the Java a consequence or condition parses to. Nothing a rule may not do reaches
 * the engine: a file is compiled only when this finds nothing.
 *
 * <p>It also gives the text the engine compiles: the same text with every {@code matches} condition
 * handed to {@link TextPattern}, which matches in linear time whatever the pattern and the lead.
 */
public final class RuleCode {

  /** The longest rule name a receipt stores (lead_reason.rule_name). */
  public static final int RULE_NAME_MAX = 400;

  // A rule joins at most the lead, its scores, its grade and its team.
  static final int MAX_PATTERNS = 4;

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> MEMBERSHIP = Set.of("contains", "memberOf");
  private static final String MATCHES = "matches";

  private static final String OWN_GROUP =
      "is not for rulebook rules: the folder a rule sits in decides when it runs (scoring, then"
          + " grading, routing and sla), and a group of its own would keep it from running";

  /** One place in the text the check refuses: the line (1-based) of the text and why. */
  public record Refusal(int line, String reason) {}

  /** What the Drools parser could not read: its line and its own message. */
  public record SyntaxError(int line, String message) {}

  /**
   * What came of the check.
   *
   * @param syntaxErrors the parser's errors; the text was not checked further and must not reach
   *     the engine
   * @param refusals what rules may not do, with its line
   * @param compiledText the text to hand to the engine when both lists are empty
   */
  public record Checked(
      List<SyntaxError> syntaxErrors, List<Refusal> refusals, String compiledText) {

    public boolean passed() {
      return syntaxErrors.isEmpty() && refusals.isEmpty();
    }
  }

  private final String text;
  private final List<Refusal> refusals = new ArrayList<>();
  private final List<Rewrite> rewrites = new ArrayList<>();
  // The stages' sheets, whichever file of the package declares them; the compiler checks each
  // global's stage and type.
  private final Set<String> globals =
      new HashSet<>(Set.of("fit", "engagement", "grading", "routing", "sla"));
  private final DrlExprParser expressions =
      DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);

  private record Rewrite(int start, int end, String replacement) {}

  private RuleCode(String text) {
    this.text = text;
  }

  /** Checks the rule language text of one file. */
  public static Checked check(String drl) {
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, drl);
    } catch (DroolsParserException unreadable) {
      return new Checked(
          List.of(new SyntaxError(0, String.valueOf(unreadable.getMessage()))), List.of(), drl);
    }
    if (parser.hasErrors() || pkg == null) {
      List<SyntaxError> errors = new ArrayList<>();
      for (DroolsError error : parser.getErrors()) {
        int line = error instanceof ParserError positioned ? positioned.getRow() : 0;
        errors.add(new SyntaxError(line, error.getMessage()));
      }
      if (errors.isEmpty()) {
        errors.add(new SyntaxError(0, "the file cannot be read as rules"));
      }
      return new Checked(errors, List.of(), drl);
    }
    RuleCode check = new RuleCode(drl);
    check.packageLevel(pkg);
    for (RuleDescr rule : pkg.getRules()) {
      check.rule(rule);
    }
    return new Checked(List.of(), List.copyOf(check.refusals), check.rewritten());
  }

  private void packageLevel(PackageDescr pkg) {
    if (pkg.getUnit() != null) {
      refuse(pkg.getUnit(), "rule units are not for rulebook files");
    }
    for (ImportDescr imported : pkg.getImports()) {
      String target = imported.getTarget().strip();
      boolean allowed =
          target.endsWith(".*")
              ? AllowList.VOCABULARY_PACKAGES.contains(target.substring(0, target.length() - 2))
              : AllowList.allowedClass(target).isPresent();
      if (!allowed) {
        refuse(
            imported,
            "'import "
                + target
                + "' is not part of the rule vocabulary; rules import the facts and sheets of"
                + " dev.accord.rules (lead, decision, sla)");
      }
    }
    pkg.getFunctionImports().forEach(f -> refuse(f, "'import function' is not for rules"));
    pkg.getAccumulateImports().forEach(a -> refuse(a, "'import accumulate' is not for rules"));
    pkg.getFunctions()
        .forEach(
            function ->
                refuse(
                    function,
                    "function blocks are not for rules: a rule's conditions and consequence say"
                        + " everything it does"));
    pkg.getTypeDeclarations().forEach(type -> refuse(type, "'declare' is not for rules"));
    pkg.getEnumDeclarations().forEach(type -> refuse(type, "'declare enum' is not for rules"));
    pkg.getEntryPointDeclarations()
        .forEach(entry -> refuse(entry, "entry points are not for rules"));
    pkg.getWindowDeclarations().forEach(window -> refuse(window, "windows are not for rules"));
    for (AttributeDescr attribute : pkg.getAttributes()) {
      attribute(attribute);
    }
    for (GlobalDescr global : pkg.getGlobals()) {
      globals.add(global.getIdentifier());
      if (AllowList.allowedClass(global.getType().strip()).isEmpty()) {
        refuse(
            global,
            "a global of type '"
                + global.getType()
                + "' is not for rules; a stage's globals are its sheets (ScoreSheet, GradeSheet,"
                + " TeamChoice, SlaTerms)");
      }
    }
  }

  private void rule(RuleDescr rule) {
    if (rule.isQuery()) {
      refuse(rule, "queries are not for rulebook files");
      return;
    }
    if (rule.getName().length() > RULE_NAME_MAX) {
      refuse(
          rule,
          "the rule's name has "
              + rule.getName().length()
              + " characters; a lead's receipt stores at most "
              + RULE_NAME_MAX);
    }
    if (!rule.getAnnotations().isEmpty()) {
      refuse(rule, "annotations (@…) are not for rules");
    }
    for (AttributeDescr attribute : rule.getAttributes().values()) {
      attribute(attribute);
    }
    if (!rule.getNamedConsequences().isEmpty()) {
      refuse(rule, "named consequences (then[…]) are not for rules; a rule has one consequence");
    }
    Set<String> bindings = new HashSet<>();
    int[] patterns = {0};
    conditions(rule.getLhs(), bindings, patterns);
    if (patterns[0] > MAX_PATTERNS) {
      refuse(
          rule.getLhs(),
          "the rule matches "
              + patterns[0]
              + " facts; a rule looks at most at "
              + MAX_PATTERNS
              + " (the lead, its scores, its grade, its team)");
    }
    Object consequence = rule.getConsequence();
    if (consequence != null) {
      String code = consequence.toString();
      int firstLine = lineWhere(code, rule.getConsequenceLine());
      for (CodeCheck.Refusal refusal :
          CodeCheck.consequence(code, new CodeCheck.Names(null, bindings, globals))) {
        refusals.add(new Refusal(firstLine + refusal.line() - 1, refusal.reason()));
      }
    }
  }

  /**
   * The line a consequence's code starts on: the parser gives the line of {@code then} and the code
   * without the blank lines after it.
   */
  private int lineWhere(String code, int thenLine) {
    int from = 0;
    for (int line = 1; line < thenLine && from >= 0; line++) {
      from = text.indexOf('\n', from) + 1;
    }
    String start = code.strip();
    start = start.substring(0, Math.min(start.length(), 40));
    int at = start.isEmpty() || from < 0 ? -1 : text.indexOf(start, from);
    return at < 0 ? thenLine : thenLine + newlines(text.substring(from, at));
  }

  private void attribute(AttributeDescr attribute) {
    String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
    switch (attribute.getName()) {
      case "salience" -> {
        if (!value.matches("-?\\d{1,9}")) {
          refuse(attribute, "a salience is a whole number, not '" + value + "'");
        }
      }
      case "no-loop", "lock-on-active" -> {
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
          refuse(attribute, "'" + attribute.getName() + "' is true or false");
        }
      }
      case "enabled" -> {
        if (!value.equals("true") && !value.equals("false")) {
          refuse(attribute, "'enabled' is true or false, not an expression");
        }
      }
      case "activation-group" -> {}
      case "dialect" -> {
        if (!value.equals("java")) {
          refuse(
              attribute,
              "dialect \""
                  + value
                  + "\" is not for rules; consequences are checked, compiled and run as Java");
        }
      }
      case "agenda-group", "auto-focus", "ruleflow-group" ->
          refuse(attribute, "'" + attribute.getName() + "' " + OWN_GROUP);
      default ->
          refuse(
              attribute,
              "the attribute '"
                  + attribute.getName()
                  + "' is not for rules; a rule may have salience, no-loop, lock-on-active,"
                  + " activation-group and enabled");
    }
  }

  private void conditions(BaseDescr element, Set<String> bindings, int[] patterns) {
    if (element instanceof AndDescr
        || element instanceof OrDescr
        || element instanceof NotDescr
        || element instanceof ExistsDescr
        || element instanceof ForallDescr) {
      for (BaseDescr child :
          ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
        conditions(child, bindings, patterns);
      }
    } else if (element instanceof PatternDescr pattern) {
      patterns[0]++;
      pattern(pattern, bindings);
    } else if (element instanceof EvalDescr) {
      refuse(element, "'eval' runs code of its own; write the condition inside a pattern");
    } else {
      refuse(
          element,
          "'"
              + element.getClass().getSimpleName().replace("Descr", "").toLowerCase()
              + "' is not for rules: conditions are patterns on Lead, Scores, Graded or Routed,"
              + " combined with and, or, not, exists and forall");
    }
  }

  private void pattern(PatternDescr pattern, Set<String> bindings) {
    if (pattern.getSource() != null) {
      refuse(
          pattern,
          "'from', 'accumulate', 'collect' and entry points are not for rules: a pattern matches"
              + " the decision's own facts");
      return;
    }
    if (pattern.isQuery()) {
      refuse(pattern, "queries are not for rules");
      return;
    }
    if (!pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty()) {
      refuse(pattern, "annotations and windows are not for rules");
    }
    Optional<Class<?>> fact =
        AllowList.allowedClass(pattern.getObjectType().strip())
            .filter(AllowList.FACTS::containsValue);
    if (fact.isEmpty()) {
      refuse(
          pattern,
          "'"
              + pattern.getObjectType()
              + "' is not a fact rules may match; the facts are Lead, Scores, Graded and Routed");
      return;
    }
    if (pattern.getIdentifier() != null) {
      bindings.add(pattern.getIdentifier());
    }
    if (!pattern.getPositionalConstraints().isEmpty()) {
      refuse(pattern, "name the field a condition is on (positional conditions are not for rules)");
    }
    for (BaseDescr constraint : pattern.getDescrs()) {
      if (constraint instanceof ExprConstraintDescr expression) {
        constraint(expression, fact.get(), bindings);
      } else {
        refuse(constraint, "this condition is not for rules");
      }
    }
  }

  private void constraint(ExprConstraintDescr constraint, Class<?> fact, Set<String> bindings) {
    ConstraintConnectiveDescr parsed = expressions.parse(constraint.getExpression());
    if (expressions.hasErrors() || parsed == null) {
      refuse(
          constraint, "'" + constraint.getExpression().strip() + "' cannot be read as a condition");
      return;
    }
    Optional<RelationalExprDescr> wholeMatch = wholeMatch(parsed);
    if (wholeMatch.isPresent()) {
      matches(constraint, wholeMatch.get(), fact, bindings);
      return;
    }
    connective(constraint, parsed, fact, bindings);
  }

  private static Optional<RelationalExprDescr> wholeMatch(ConstraintConnectiveDescr parsed) {
    if (parsed.getDescrs().size() == 1
        && parsed.getDescrs().get(0) instanceof RelationalExprDescr relation
        && relation.getOperator().equals(MATCHES)) {
      return Optional.of(relation);
    }
    return Optional.empty();
  }

  private void connective(
      ExprConstraintDescr at, BaseDescr element, Class<?> fact, Set<String> bindings) {
    if (element instanceof ConstraintConnectiveDescr connective) {
      for (BaseDescr child : connective.getDescrs()) {
        connective(at, child, fact, bindings);
      }
    } else if (element instanceof RelationalExprDescr relation) {
      String operator = relation.getOperator();
      if (operator.equals(MATCHES)) {
        refuse(
            at,
            "write 'matches' as a condition of its own, separated by a comma: "
                + "Lead( industry != null, industry matches \"…\" )");
      } else if (!COMPARISONS.contains(operator) && !MEMBERSHIP.contains(operator)) {
        refuse(
            at,
            "the operator '"
                + operator
                + "' is not for rules; use ==, !=, <, <=, >, >=, in, contains, memberOf or"
                + " matches");
      } else if (relation.getParameters() != null && !relation.getParameters().isEmpty()) {
        refuse(at, "operator parameters ([…]) are not for rules");
      }
      connective(at, relation.getLeft(), fact, bindings);
      connective(at, relation.getRight(), fact, bindings);
    } else if (element instanceof BindingDescr binding) {
      code(at, binding.getExpression(), fact, bindings);
      bindings.add(binding.getVariable());
    } else if (element instanceof AtomicExprDescr atomic) {
      code(at, atomic.getExpression(), fact, bindings);
    } else {
      refuse(at, "'" + at.getExpression().strip() + "' cannot be read as a condition");
    }
  }

  private void code(
      ExprConstraintDescr at, String expression, Class<?> fact, Set<String> bindings) {
    for (CodeCheck.Refusal refusal :
        CodeCheck.condition(expression, new CodeCheck.Names(fact, bindings, globals))) {
      refusals.add(new Refusal(at.getLine() + refusal.line() - 1, refusal.reason()));
    }
  }

  /**
   * A {@code value matches "pattern"} condition: the value is checked like any code, the pattern
   * must be a literal the linear-time engine understands, and the condition is rewritten to call
   * it.
   */
  private void matches(
      ExprConstraintDescr constraint,
      RelationalExprDescr relation,
      Class<?> fact,
      Set<String> bindings) {
    if (!(relation.getLeft() instanceof AtomicExprDescr value)
        || !(relation.getRight() instanceof AtomicExprDescr pattern)
        || !pattern.isLiteral()
        || !pattern.getExpression().strip().startsWith("\"")) {
      refuse(constraint, "'matches' takes a field and a pattern in double quotes");
      return;
    }
    code(constraint, value.getExpression(), fact, bindings);
    String literal = pattern.getExpression().strip();
    try {
      TextPattern.check(unquoted(literal));
    } catch (PatternSyntaxException | IllegalArgumentException unsupported) {
      refuse(
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
        || end > text.length()
        || !squeezed(text.substring(start, end)).equals(squeezed(constraint.getExpression()))) {
      refuse(constraint, "write the 'matches' condition on one line of its own");
      return;
    }
    String original = text.substring(start, end);
    String call =
        (relation.isNegated() ? "!" : "")
            + TextPattern.class.getName()
            + ".matches("
            + value.getExpression().strip()
            + ", "
            + literal
            + ")";
    // The same line breaks after it, so every later line keeps its number.
    rewrites.add(new Rewrite(start, end, call + "\n".repeat(newlines(original))));
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

  private static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  private static String squeezed(String code) {
    return code.replaceAll("\\s+", "");
  }

  private String rewritten() {
    if (rewrites.isEmpty()) {
      return text;
    }
    StringBuilder result = new StringBuilder(text);
    rewrites.stream()
        .sorted((a, b) -> Integer.compare(b.start(), a.start()))
        .forEach(rewrite -> result.replace(rewrite.start(), rewrite.end(), rewrite.replacement()));
    return result.toString();
  }

  private void refuse(BaseDescr at, String reason) {
    refusals.add(new Refusal(Math.max(at.getLine(), 0), reason));
  }
}
