package dev.accord.rules.safety;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a piece of rule code as Java, the way the engine's compiler will read it, and hands what it
 * parsed to {@link CodeCheck}: a condition as one expression, a consequence as a block of
 * statements. Code the parser cannot read, unicode escapes (which Java reads before anything else)
 * and comments inside a condition (which the engine's expression language may read differently) are
 * refused before any check.
 */
final class JavaCode {

  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u");

  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"\\\\\\r\\n]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern SHEET_CALL =
      Pattern.compile(
          "\\s*([a-z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9]*)\\((-?\\d{1,9}|\"[^\"\\\\\\r\\n]*\")\\);\\s*");
  private static final Set<String> KEYWORDS =
      Set.of("null", "true", "false", "this", "super", "new", "class", "instanceof");

  private static final ThreadLocal<JavaParser> PARSER =
      ThreadLocal.withInitial(
          () ->
              new JavaParser(
                  new ParserConfiguration()
                      .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                      .setAttributeComments(false)));

  private JavaCode() {}

  /** Checks a condition of a pattern on {@code names.fact()} (the text between commas). */
  static List<CodeCheck.Refusal> condition(String expression, CodeCheck.Names names) {
    Optional<CodeCheck.Refusal> escaped = escaped(expression);
    if (escaped.isPresent()) {
      return List.of(escaped.get());
    }
    // Most of a table's conditions are a field and a literal: read without the parser, they are
    // the same name and value it would give.
    String plain = expression.strip();
    if (NUMBER.matcher(plain).matches() || QUOTED.matcher(plain).matches()) {
      return List.of();
    }
    if (NAME.matcher(plain).matches() && !KEYWORDS.contains(plain)) {
      return CodeCheck.ofCondition(new NameExpr(plain), names);
    }
    ParseResult<Expression> parsed = PARSER.get().parseExpression(expression);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return List.of(
          new CodeCheck.Refusal(
              1,
              "'"
                  + CodeCheck.shortened(expression)
                  + "' is not a condition rules may use: compare the fact's fields with values"
                  + " (==, !=, <, >, in, matches) or call the vocabulary's methods"));
    }
    if (!parsed.getResult().get().getAllContainedComments().isEmpty()
        || parsed.getCommentsCollection().map(c -> c.size() > 0).orElse(false)) {
      return List.of(
          new CodeCheck.Refusal(
              1, "comments go on lines of their own, outside a condition, not inside it"));
    }
    return CodeCheck.ofCondition(parsed.getResult().get(), names);
  }

  /** Checks a consequence: the statements between {@code then} and {@code end}. */
  static List<CodeCheck.Refusal> consequence(String statements, CodeCheck.Names names) {
    Optional<CodeCheck.Refusal> escaped = escaped(statements);
    if (escaped.isPresent()) {
      return List.of(escaped.get());
    }
    // A table's actions are mostly one call of a sheet with one literal: built without the parser,
    // it is the same tree the parser would give.
    Matcher call = SHEET_CALL.matcher(statements);
    if (call.matches()) {
      Expression argument =
          call.group(3).startsWith("\"")
              ? new StringLiteralExpr(call.group(3).substring(1, call.group(3).length() - 1))
              : new IntegerLiteralExpr(call.group(3));
      return CodeCheck.ofConsequence(
          new BlockStmt(
              NodeList.nodeList(
                  new ExpressionStmt(
                      new MethodCallExpr(
                          new NameExpr(call.group(1)),
                          call.group(2),
                          NodeList.nodeList(argument))))),
          names);
    }
    ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{" + statements + "\n}");
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      int line =
          parsed.getProblems().stream()
              .flatMap(problem -> problem.getLocation().stream())
              .flatMap(location -> location.getBegin().getRange().stream())
              .map(range -> range.begin.line)
              .findFirst()
              .orElse(1);
      return List.of(
          new CodeCheck.Refusal(
              line,
              "this is not a consequence rules may have: a consequence is statements such as"
                  + " fit.award(10); or grading.assign(Grade.A); (no modify blocks, no code"
                  + " outside Java's plain statements)"));
    }
    return CodeCheck.ofConsequence(parsed.getResult().get(), names);
  }

  private static Optional<CodeCheck.Refusal> escaped(String code) {
    var escape = UNICODE_ESCAPE.matcher(code);
    if (escape.find()) {
      int line = (int) code.substring(0, escape.start()).chars().filter(c -> c == '\n').count();
      return Optional.of(
          new CodeCheck.Refusal(
              line + 1,
              "unicode escapes (\\u…) are not allowed in rule code, where Java would read them as"
                  + " code; write the character itself"));
    }
    return Optional.empty();
  }

  /** The type of a condition's expression as far as it can be told, or null. */
  static Class<?> typeOf(String expression, CodeCheck.Names names) {
    ParseResult<Expression> parsed = PARSER.get().parseExpression(expression);
    return parsed
        .getResult()
        .map(parsedExpression -> ValueTypes.of(parsedExpression, names::typeOf, names.fact()))
        .orElse(null);
  }
}
