package dev.accord.rules.safety;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The type of a value in rule code, as far as the allow-list can tell from literals, declared
 * values, the facts' getters and the allowed methods' return types; unknown where it cannot (a
 * value read from a map). What a rule may not do with text (build it up) is decided on this.
 */
final class ValueTypes {

  private static final Set<Class<?>> NUMBERS =
      Set.of(
          int.class,
          long.class,
          double.class,
          float.class,
          short.class,
          byte.class,
          char.class,
          Integer.class,
          Long.class,
          Double.class);

  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int", int.class,
          "long", long.class,
          "double", double.class,
          "float", float.class,
          "short", short.class,
          "byte", byte.class,
          "char", char.class,
          "boolean", boolean.class);

  private static final List<BinaryExpr.Operator> TRUTHS =
      List.of(
          BinaryExpr.Operator.EQUALS,
          BinaryExpr.Operator.NOT_EQUALS,
          BinaryExpr.Operator.LESS,
          BinaryExpr.Operator.LESS_EQUALS,
          BinaryExpr.Operator.GREATER,
          BinaryExpr.Operator.GREATER_EQUALS,
          BinaryExpr.Operator.AND,
          BinaryExpr.Operator.OR);

  private ValueTypes() {}

  static boolean numeric(Class<?> type) {
    return type != null && NUMBERS.contains(type);
  }

  static Optional<Class<?>> primitive(String name) {
    return Optional.ofNullable(PRIMITIVES.get(name));
  }

  /**
   * The type of the expression, or null if unknown.
   *
   * @param names the type of a name the code declared or bound, or null
   * @param fact the fact of the pattern the code is a condition of, or null
   */
  static Class<?> of(Expression expression, Function<String, Class<?>> names, Class<?> fact) {
    if (expression instanceof StringLiteralExpr || expression instanceof TextBlockLiteralExpr) {
      return String.class;
    }
    if (expression instanceof IntegerLiteralExpr) {
      return int.class;
    }
    if (expression instanceof LongLiteralExpr) {
      return long.class;
    }
    if (expression instanceof DoubleLiteralExpr) {
      return double.class;
    }
    if (expression instanceof BooleanLiteralExpr) {
      return boolean.class;
    }
    if (expression instanceof CharLiteralExpr) {
      return char.class;
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return of(enclosed.getInner(), names, fact);
    }
    if (expression instanceof CastExpr cast) {
      return primitive(cast.getType().asString()).orElse(null);
    }
    if (expression instanceof UnaryExpr unary) {
      return unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
          ? boolean.class
          : of(unary.getExpression(), names, fact);
    }
    if (expression instanceof ConditionalExpr conditional) {
      Class<?> then = of(conditional.getThenExpr(), names, fact);
      return then != null && then == of(conditional.getElseExpr(), names, fact) ? then : null;
    }
    if (expression instanceof BinaryExpr binary) {
      return binaryType(binary, names, fact);
    }
    if (expression instanceof NameExpr name) {
      Class<?> declared = names.apply(name.getNameAsString());
      if (declared != null) {
        return declared;
      }
      return fact == null ? null : getterType(fact, name.getNameAsString());
    }
    if (expression instanceof FieldAccessExpr field) {
      return fieldType(field, names, fact);
    }
    if (expression instanceof MethodCallExpr call) {
      return callType(call, names, fact);
    }
    return null;
  }

  private static Class<?> binaryType(
      BinaryExpr binary, Function<String, Class<?>> names, Class<?> fact) {
    if (TRUTHS.contains(binary.getOperator())) {
      return boolean.class;
    }
    Class<?> left = of(binary.getLeft(), names, fact);
    Class<?> right = of(binary.getRight(), names, fact);
    if (numeric(left) && numeric(right)) {
      return left == double.class
              || right == double.class
              || left == Double.class
              || right == Double.class
          ? double.class
          : left == long.class || right == long.class || left == Long.class || right == Long.class
              ? long.class
              : int.class;
    }
    return binary.getOperator() == BinaryExpr.Operator.PLUS
            && (left == String.class || right == String.class)
        ? String.class
        : null;
  }

  private static Class<?> fieldType(
      FieldAccessExpr field, Function<String, Class<?>> names, Class<?> fact) {
    Expression scope = field.getScope();
    if (scope instanceof NameExpr name && names.apply(name.getNameAsString()) == null) {
      Optional<Class<?>> type = AllowList.allowedClass(name.getNameAsString());
      if (type.isPresent()) {
        try {
          Field constant = type.get().getField(field.getNameAsString());
          return Modifier.isStatic(constant.getModifiers()) ? constant.getType() : null;
        } catch (NoSuchFieldException e) {
          return null;
        }
      }
    }
    Class<?> owner = of(scope, names, fact);
    return owner == null ? null : getterType(owner, field.getNameAsString());
  }

  private static Class<?> callType(
      MethodCallExpr call, Function<String, Class<?>> names, Class<?> fact) {
    int arity = call.getArguments().size();
    if (call.getScope().isEmpty()) {
      return fact == null ? null : returnType(fact, call.getNameAsString(), arity, false);
    }
    Expression scope = call.getScope().get();
    if (scope instanceof NameExpr name && names.apply(name.getNameAsString()) == null) {
      Optional<Class<?>> type = AllowList.allowedClass(name.getNameAsString());
      if (type.isPresent() && (fact == null || getterType(fact, name.getNameAsString()) == null)) {
        return returnType(type.get(), call.getNameAsString(), arity, true);
      }
    }
    Class<?> owner = of(scope, names, fact);
    return owner == null ? null : returnType(owner, call.getNameAsString(), arity, false);
  }

  private static Class<?> getterType(Class<?> owner, String property) {
    if (property.isEmpty()) {
      return null;
    }
    String capital = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String getter : List.of("get" + capital, "is" + capital)) {
      Class<?> type = returnType(owner, getter, 0, false);
      if (type != null) {
        return type;
      }
    }
    return null;
  }

  // The one return type the methods of this name and arity have, or null.
  private static Class<?> returnType(Class<?> owner, String name, int arity, boolean statics) {
    List<Class<?>> returns =
        Arrays.stream(owner.getMethods())
            .filter(method -> method.getName().equals(name))
            .filter(method -> method.getParameterCount() == arity)
            .filter(method -> Modifier.isStatic(method.getModifiers()) == statics)
            .map(Method::getReturnType)
            .distinct()
            .toList();
    return returns.size() == 1 ? returns.get(0) : null;
  }
}
