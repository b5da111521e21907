package dev.accord.rules.safety;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one piece of rule code, parsed as Java ({@link JavaCode}): a condition's expression or a
 * consequence's statements. Every name must be a fact's field, a binding, a global, a local of the
 * consequence or an allowed class; every call an allowed method; every statement a plain one (no
 * loops, no catching, no classes). What is not understood is refused.
 */
final class CodeCheck {

  /** A piece of code that is refused: its line within the piece (1-based) and why. */
  record Refusal(int line, String reason) {}

  /** What the code may name besides the allowed classes. */
  record Names(Class<?> fact, Map<String, Class<?>> bindings, Set<String> globals) {

    /** The type of a name the rule bound, or null. */
    Class<?> typeOf(String name) {
      return bindings.get(name);
    }
  }

  // The engine's own consequence shortcuts; they only add, change or take away facts.
  private static final Set<String> FACT_OPERATIONS =
      Set.of("insert", "insertLogical", "update", "delete", "retract");

  private static final Set<String> ENGINE = Set.of("drools", "kcontext");

  // The vocabulary's methods that read words to look for: they are compiled and kept for reuse, so
  // the words must be the rule's own.
  private static final Set<String> TEXT_ARGUMENTS = Set.of("titleMentions");
  static final int MAX_WORDS_LITERAL = 2_000;

  // Each adds to what the decision's later rules join over.
  static final int MAX_FACT_OPERATIONS = 3;

  static final String VOCABULARY =
      "; a rule may use the fields of Lead, Scores, Graded and Routed, its stage's sheets, the"
          + " enums Grade, Side, Activity and Recipient, BusinessTime, literals, and the String,"
          + " number, Math and Duration methods the rulebook guide lists";

  private final boolean consequence;
  private final Names names;
  private final Map<String, Class<?>> locals = new HashMap<>();
  private int factOperations;
  private final List<Refusal> refusals = new ArrayList<>();

  private CodeCheck(boolean consequence, Names names) {
    this.consequence = consequence;
    this.names = names;
  }

  /** The refusals of a condition's expression, parsed (see {@link JavaCode}). */
  static List<Refusal> ofCondition(Expression expression, Names names) {
    CodeCheck check = new CodeCheck(false, names);
    check.expression(expression);
    return check.refusals;
  }

  /** The refusals of a consequence's statements, parsed (see {@link JavaCode}). */
  static List<Refusal> ofConsequence(BlockStmt statements, Names names) {
    CodeCheck check = new CodeCheck(true, names);
    check.statement(statements);
    return check.refusals;
  }

  private void statement(Statement statement) {
    if (statement instanceof BlockStmt block) {
      block.getStatements().forEach(this::statement);
    } else if (statement instanceof ExpressionStmt expression) {
      expression(expression.getExpression());
    } else if (statement instanceof IfStmt ifStmt) {
      expression(ifStmt.getCondition());
      statement(ifStmt.getThenStmt());
      ifStmt.getElseStmt().ifPresent(this::statement);
    } else if (statement instanceof EmptyStmt) {
      return;
    } else if (statement instanceof ForStmt
        || statement instanceof ForEachStmt
        || statement instanceof WhileStmt
        || statement instanceof DoStmt) {
      refuse(statement, "loops are not for rules: a rule fires once for each match of its facts");
    } else if (statement instanceof TryStmt) {
      refuse(statement, "catching errors is not for rules: a rule that fails fails the decision");
    } else {
      refuse(
          statement,
          "'"
              + statement.getClass().getSimpleName().replace("Stmt", "").toLowerCase()
              + "' statements are not for rules: a consequence calls the sheets, declares"
              + " values and may use if/else");
    }
  }

  private void expression(Expression expression) {
    if (expression instanceof TextBlockLiteralExpr) {
      refuse(expression, "text blocks are not for rules; write \"…\"");
      return;
    }
    if (expression instanceof LiteralExpr) {
      return;
    }
    if (expression instanceof NameExpr name) {
      name(name);
    } else if (expression instanceof ThisExpr self) {
      if (consequence || self.getTypeName().isPresent()) {
        refuse(self, "'this' is only for a pattern's own fact");
      }
    } else if (expression instanceof FieldAccessExpr field) {
      fieldAccess(field);
    } else if (expression instanceof MethodCallExpr call) {
      call(call);
    } else if (expression instanceof ObjectCreationExpr creation) {
      creation(creation);
    } else if (expression instanceof BinaryExpr binary) {
      expression(binary.getLeft());
      expression(binary.getRight());
      if (binary.getOperator() == BinaryExpr.Operator.PLUS
          && !(ValueTypes.numeric(typeOf(binary.getLeft()))
              && ValueTypes.numeric(typeOf(binary.getRight())))) {
        refuse(
            binary,
            "'+' adds numbers only: rules do not build text, which could grow without bound"
                + " (a value read from a map counts as text)");
      }
    } else if (expression instanceof UnaryExpr unary) {
      if (!unary.getOperator().isPrefix() || isIncrement(unary.getOperator())) {
        localTarget(unary.getExpression(), unary);
      } else {
        expression(unary.getExpression());
      }
    } else if (expression instanceof ConditionalExpr conditional) {
      expression(conditional.getCondition());
      expression(conditional.getThenExpr());
      expression(conditional.getElseExpr());
    } else if (expression instanceof EnclosedExpr enclosed) {
      expression(enclosed.getInner());
    } else if (expression instanceof ArrayAccessExpr access) {
      expression(access.getName());
      expression(access.getIndex());
    } else if (expression instanceof CastExpr cast) {
      if (!cast.getType().isPrimitiveType()) {
        refuse(cast, "casts to '" + cast.getType() + "' are not for rules" + VOCABULARY);
      }
      expression(cast.getExpression());
    } else if (expression instanceof AssignExpr assign) {
      localTarget(assign.getTarget(), assign);
      expression(assign.getValue());
    } else if (expression instanceof VariableDeclarationExpr declaration && consequence) {
      for (VariableDeclarator variable : declaration.getVariables()) {
        Class<?> type = localType(variable.getType(), variable);
        variable.getInitializer().ifPresent(this::expression);
        locals.put(variable.getNameAsString(), type);
      }
    } else if (expression instanceof ClassExpr || expression instanceof MethodReferenceExpr) {
      refuse(expression, "reflection (classes, .class, method references) is not for rules");
    } else if (expression instanceof LambdaExpr) {
      refuse(expression, "lambdas are not for rules: they are code a rule would hand elsewhere");
    } else {
      refuse(
          expression,
          "'" + shortened(expression.toString()) + "' is not something rules may use" + VOCABULARY);
    }
  }

  private static boolean isIncrement(UnaryExpr.Operator operator) {
    return operator == UnaryExpr.Operator.PREFIX_INCREMENT
        || operator == UnaryExpr.Operator.PREFIX_DECREMENT;
  }

  private void localTarget(Expression target, Node change) {
    if (!consequence
        || !(target instanceof NameExpr name)
        || !locals.containsKey(name.getNameAsString())) {
      refuse(change, "rules change only values they declared in their consequence");
    }
  }

  private void name(NameExpr name) {
    String id = name.getNameAsString();
    if (isValue(id)) {
      return;
    }
    if (ENGINE.contains(id)) {
      refuse(name, "rules may not steer the engine ('" + id + "': halting it, moving its focus)");
    } else if (AllowList.allowedClass(id).isPresent()) {
      refuse(name, "'" + id + "' is a class, not a value");
    } else {
      refuse(name, "'" + id + "' is not part of the rule vocabulary" + VOCABULARY);
    }
  }

  private boolean isValue(String id) {
    return locals.containsKey(id)
        || names.bindings().containsKey(id)
        || names.globals().contains(id)
        || (!consequence && names.fact() != null && AllowList.factProperty(names.fact(), id));
  }

  /** The allowed class an expression names ({@code Grade}, {@code dev.accord.rules.lead.Grade}). */
  private Optional<Class<?>> classNamed(Expression expression) {
    if (expression instanceof NameExpr name && !isValue(name.getNameAsString())) {
      return AllowList.allowedClass(name.getNameAsString());
    }
    if (expression instanceof FieldAccessExpr field && isQualifiedName(field)) {
      return AllowList.allowedClass(field.toString());
    }
    return Optional.empty();
  }

  private static boolean isQualifiedName(Expression expression) {
    if (expression instanceof NameExpr) {
      return true;
    }
    return expression instanceof FieldAccessExpr field
        && field.getTypeArguments().isEmpty()
        && isQualifiedName(field.getScope());
  }

  private void fieldAccess(FieldAccessExpr field) {
    String name = field.getNameAsString();
    if (classNamed(field).isPresent()) {
      refuse(field, "'" + field + "' is a class, not a value");
      return;
    }
    Optional<Class<?>> type = classNamed(field.getScope());
    if (type.isPresent()) {
      if (!AllowList.constant(type.get(), name)) {
        refuse(field, "'" + field + "' is not a value rules may read" + VOCABULARY);
      }
      return;
    }
    int before = refusals.size();
    expression(field.getScope());
    if (refusals.size() == before && !AllowList.property(name)) {
      refuse(field, "'." + name + "' is not something rules may read" + VOCABULARY);
    }
  }

  private void call(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (call.getTypeArguments().isPresent()) {
      refuse(call, "type arguments are not for rules");
    }
    if (call.getScope().isEmpty()) {
      boolean allowed =
          consequence
              ? FACT_OPERATIONS.contains(name)
              : names.fact() != null && AllowList.factMethod(names.fact(), name);
      if (allowed && consequence && ++factOperations == MAX_FACT_OPERATIONS + 1) {
        refuse(
            call,
            "a consequence inserts, updates or deletes at most "
                + MAX_FACT_OPERATIONS
                + " facts; a decision works on its lead, scores, grade and team");
      }
      if (!allowed) {
        refuse(call, "'" + name + "(…)' is not a method rules may call" + VOCABULARY);
      }
    } else {
      Expression scope = call.getScope().get();
      Optional<Class<?>> type = classNamed(scope);
      if (type.isPresent()) {
        if (!AllowList.staticMethod(type.get(), name)) {
          refuse(
              call, "'" + scope + "." + name + "(…)' is not a method rules may call" + VOCABULARY);
        }
      } else {
        int before = refusals.size();
        expression(scope);
        // A refused scope says what is wrong; its method would only say it again.
        if (refusals.size() == before && !AllowList.instanceMethod(name)) {
          refuse(
              call,
              "'."
                  + name
                  + "(…)' is not a method rules may call"
                  + (name.equals("getClass") ? " (reflection)" : "")
                  + VOCABULARY);
        }
      }
    }
    if (TEXT_ARGUMENTS.contains(name) && !isShortLiteral(call)) {
      refuse(
          call,
          "'"
              + name
              + "' takes its words as text in quotes, of at most "
              + MAX_WORDS_LITERAL
              + " characters (the words a rule looks for are the rule's, not a lead's)");
    }
    call.getArguments().forEach(this::expression);
  }

  private static boolean isShortLiteral(MethodCallExpr call) {
    return call.getArguments().size() == 1
        && call.getArgument(0) instanceof StringLiteralExpr literal
        && literal.getValue().length() <= MAX_WORDS_LITERAL;
  }

  private void creation(ObjectCreationExpr creation) {
    ClassOrInterfaceType type = creation.getType();
    boolean fact =
        creation.getScope().isEmpty()
            && creation.getAnonymousClassBody().isEmpty()
            && type.getTypeArguments().isEmpty()
            && AllowList.allowedClass(type.getNameWithScope())
                .filter(AllowList.FACTS::containsValue)
                .isPresent();
    if (!fact) {
      refuse(
          creation,
          "'new "
              + type.getNameWithScope()
              + "' is not for rules: a rule may create only the facts Lead, Scores, Graded and"
              + " Routed");
    }
    creation.getArguments().forEach(this::expression);
  }

  /**
   * The type of a value a consequence declares: a number, true or false, a grade or another of the
   * vocabulary's enums, a duration, a fact or a sheet; never text, which the rule could build up.
   */
  private Class<?> localType(Type type, Node at) {
    Optional<Class<?>> primitive =
        type.isPrimitiveType() ? ValueTypes.primitive(type.asString()) : Optional.empty();
    if (primitive.isPresent()) {
      return primitive.get();
    }
    if (type instanceof ClassOrInterfaceType named
        && named.getTypeArguments().isEmpty()
        && AllowList.allowedClass(named.getNameWithScope())
            .filter(allowed -> allowed != String.class)
            .isPresent()) {
      return AllowList.allowedClass(named.getNameWithScope()).get();
    }
    refuse(
        at,
        "values of type '"
            + type
            + "' are not for rules to declare; a consequence declares numbers, true or false,"
            + " grades, durations and facts, never text");
    return null;
  }

  private Class<?> typeOf(Expression expression) {
    return ValueTypes.of(
        expression,
        name -> locals.containsKey(name) ? locals.get(name) : names.typeOf(name),
        consequence ? null : names.fact());
  }

  private void refuse(Node node, String reason) {
    refuse(node.getBegin().map(position -> position.line).orElse(1), reason);
  }

  private void refuse(int line, String reason) {
    refusals.add(new Refusal(line, reason));
  }

  static String shortened(String code) {
    String oneLine = code.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
  }
}
