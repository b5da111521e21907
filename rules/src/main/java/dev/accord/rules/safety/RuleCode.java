package dev.accord.rules.safety;

import dev.accord.rules.lead.TextPattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
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

  /** Why a rule may not choose its own agenda group, ruleflow group or focus. */
  public static final String OWN_GROUP =
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
   * @param rules how many rules the text holds
   */
  public record Checked(
      List<SyntaxError> syntaxErrors, List<Refusal> refusals, String compiledText, int rules) {

    public boolean passed() {
      return syntaxErrors.isEmpty() && refusals.isEmpty();
    }
  }

  private final Findings findings;
  // The stages' sheets, whichever file of the package declares them; the compiler checks each
  // global's stage and type.
  private final Set<String> globals =
      new HashSet<>(Set.of("fit", "engagement", "grading", "routing", "sla"));

  private RuleCode(String text) {
    this.findings = new Findings(text);
  }

  /** Checks the rule language text of one file. */
  public static Checked check(String drl) {
    Optional<Refusal> tooBig = TextSize.whyTooBig(drl);
    if (tooBig.isPresent()) {
      return new Checked(List.of(), List.of(tooBig.get()), drl, 0);
    }
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, drl);
    } catch (DroolsParserException unreadable) {
      return new Checked(
          List.of(new SyntaxError(0, String.valueOf(unreadable.getMessage()))), List.of(), drl, 0);
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
      return new Checked(errors, List.of(), drl, 0);
    }
    RuleCode check = new RuleCode(drl);
    check.packageLevel(pkg);
    for (RuleDescr rule : pkg.getRules()) {
      check.rule(rule);
    }
    return new Checked(
        List.of(), check.findings.refusals(), check.findings.rewritten(), pkg.getRules().size());
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
      RuleAttributes.check(attribute, findings);
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
    if (rule.getParentName() != null) {
      refuse(rule, "'extends' is not for rules: a rule stands on its own conditions");
    }
    if (!rule.getAnnotations().isEmpty()) {
      refuse(rule, "annotations (@…) are not for rules");
    }
    for (AttributeDescr attribute : rule.getAttributes().values()) {
      RuleAttributes.check(attribute, findings);
    }
    if (!rule.getNamedConsequences().isEmpty()) {
      refuse(rule, "named consequences (then[…]) are not for rules; a rule has one consequence");
    }
    Conditions conditions = new Conditions(findings, globals);
    conditions.check(rule.getLhs());
    Object consequence = rule.getConsequence();
    if (consequence != null) {
      String code = consequence.toString();
      int firstLine = lineWhere(code, rule.getConsequenceLine());
      for (CodeCheck.Refusal refusal :
          JavaCode.consequence(code, new CodeCheck.Names(null, conditions.bindings(), globals))) {
        findings.refuse(firstLine + refusal.line() - 1, refusal.reason());
      }
    }
  }

  /**
   * The line a consequence's code starts on: the parser gives the line of {@code then} and the code
   * without the blank lines after it.
   */
  private int lineWhere(String code, int thenLine) {
    int from = findings.lineStart(thenLine);
    String start = code.strip();
    start = start.substring(0, Math.min(start.length(), 40));
    int at = start.isEmpty() || from < 0 ? -1 : findings.text().indexOf(start, from);
    return at < 0 ? thenLine : thenLine + newlines(findings.text().substring(from, at));
  }

  static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  private void refuse(BaseDescr at, String reason) {
    findings.refuse(at, reason);
  }
}
