package dev.accord.rules.safety;

import dev.accord.rules.decision.GradeSheet;
import dev.accord.rules.decision.Graded;
import dev.accord.rules.decision.Routed;
import dev.accord.rules.decision.ScoreSheet;
import dev.accord.rules.decision.Scores;
import dev.accord.rules.decision.TeamChoice;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.sla.Activity;
import dev.accord.rules.sla.BusinessTime;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import dev.accord.rules.sla.SlaTerms;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a rule may name: the rule vocabulary (facts, the sheets rules write on, their enums)
 * and a few value types with their pure methods. A name that is not here is refused; nothing is
 * refused by being on a list of bad names.
 *
 * <p>Methods are allowed by name. That is sound because the list is closed: every allowed method of
 * every allowed type returns an allowed type (or a primitive), so whatever a rule holds is of an
 * allowed type, and a name allowed on one of them does nothing worse on another ({@code
 * AllowListTest} checks both by reflection).
 */
public final class AllowList {

  /** The facts a pattern may match, by simple name. */
  static final Map<String, Class<?>> FACTS =
      byName(Lead.class, Scores.class, Graded.class, Routed.class);

  /** Classes a rule may name: import, declare globals of, use as a value's type. */
  static final Map<String, Class<?>> CLASSES =
      byName(
          Lead.class,
          Scores.class,
          Graded.class,
          Routed.class,
          Grade.class,
          ScoreSheet.class,
          GradeSheet.class,
          TeamChoice.class,
          SlaTerms.class,
          SlaTerms.ClockBuilder.class,
          Side.class,
          Activity.class,
          Recipient.class,
          BusinessTime.class,
          String.class,
          Integer.class,
          Long.class,
          Double.class,
          Boolean.class,
          Math.class,
          Duration.class);

  /** The packages whose classes a wildcard import may bring in (only their allowed classes). */
  static final Set<String> VOCABULARY_PACKAGES =
      Set.of(
          "dev.accord.rules.lead",
          "dev.accord.rules.decision",
          "dev.accord.rules.sla",
          "dev.accord.rules.routing");

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");
  private static final Set<String> ENUM_METHODS = Set.of("name", "ordinal", "compareTo");

  /** Instance methods by the type that declares them; the vocabulary's are listed by name. */
  static final Map<Class<?>, Set<String>> INSTANCE_METHODS =
      Map.ofEntries(
          Map.entry(
              Lead.class,
              Set.of(
                  "getEmail",
                  "getFirstName",
                  "getLastName",
                  "getCompany",
                  "getTitle",
                  "titleMentions",
                  "getEmployees",
                  "getCountry",
                  "getPhone",
                  "getSource",
                  "getAction",
                  "getIndustry",
                  "getAttributes",
                  "getEngagements")),
          Map.entry(Scores.class, Set.of("getFit", "getEngagement")),
          Map.entry(Graded.class, Set.of("getGrade", "getFit", "getEngagement")),
          Map.entry(Routed.class, Set.of("getTeam")),
          Map.entry(Grade.class, Set.of("isBetterThan")),
          Map.entry(Activity.class, Set.of("apiName")),
          Map.entry(ScoreSheet.class, Set.of("award", "total")),
          Map.entry(GradeSheet.class, Set.of("assign", "grade")),
          Map.entry(TeamChoice.class, Set.of("toTeam")),
          Map.entry(SlaTerms.class, Set.of("clock")),
          Map.entry(
              SlaTerms.ClockBuilder.class,
              Set.of(
                  "owedBy",
                  "within",
                  "inCalendar",
                  "stoppedBy",
                  "stoppedAfter",
                  "warnAt",
                  "withoutWarnings",
                  "onBreachNotify",
                  "reroutedOnBreach")),
          Map.entry(
              String.class,
              Set.of(
                  "length",
                  "isEmpty",
                  "isBlank",
                  "charAt",
                  "startsWith",
                  "endsWith",
                  "contains",
                  "indexOf",
                  "lastIndexOf",
                  "substring",
                  "toLowerCase",
                  "toUpperCase",
                  "trim",
                  "strip",
                  "equalsIgnoreCase",
                  "compareTo",
                  "compareToIgnoreCase")),
          Map.entry(Integer.class, Set.of("intValue", "longValue", "doubleValue", "compareTo")),
          Map.entry(Long.class, Set.of("intValue", "longValue", "doubleValue", "compareTo")),
          Map.entry(Double.class, Set.of("intValue", "longValue", "doubleValue", "compareTo")),
          Map.entry(Boolean.class, Set.of("booleanValue", "compareTo")),
          Map.entry(
              Duration.class,
              Set.of(
                  "toSeconds",
                  "toMinutes",
                  "toHours",
                  "toDays",
                  "isZero",
                  "isNegative",
                  "compareTo",
                  "plus",
                  "minus")),
          Map.entry(
              Map.class, Set.of("get", "getOrDefault", "containsKey", "containsValue", "size")),
          Map.entry(Collection.class, Set.of("size", "contains")),
          Map.entry(List.class, Set.of("get", "indexOf")));

  /**
   * Static methods, by the allowed class that declares them. The enums have none: their {@code
   * valueOf} is also {@code Enum.valueOf(Class, String)}, which returns a bare {@code Enum}; rules
   * name the constants ({@code Grade.A}).
   */
  static final Map<Class<?>, Set<String>> STATIC_METHODS =
      Map.ofEntries(
          Map.entry(BusinessTime.class, Set.of("seconds", "minutes", "hours", "days", "of")),
          Map.entry(String.class, Set.of("valueOf")),
          Map.entry(Integer.class, Set.of("valueOf", "parseInt", "compare", "min", "max")),
          Map.entry(Long.class, Set.of("valueOf", "parseLong", "compare", "min", "max")),
          Map.entry(Double.class, Set.of("valueOf", "parseDouble", "compare", "min", "max")),
          Map.entry(Boolean.class, Set.of("valueOf", "parseBoolean")),
          Map.entry(Math.class, Set.of("abs", "min", "max", "round", "floor", "ceil", "signum")),
          Map.entry(Duration.class, Set.of("ofSeconds", "ofMinutes", "ofHours", "ofDays")));

  /** Every instance method name allowed on some allowed type; see the class comment. */
  static final Set<String> INSTANCE_METHOD_NAMES = instanceMethodNames();

  /**
   * Every public method name any allowed type has, allowed or not: a property read {@code x.p} that
   * MVEL could turn into a call of a method {@code p()} is refused when {@code p} is one of these
   * and not allowed.
   */
  private static final Set<String> KNOWN_METHOD_NAMES = knownMethodNames();

  private static final Map<String, Class<?>> BY_FULL_NAME = byFullName();

  private AllowList() {}

  /** The allowed class of this simple or fully qualified name. */
  static Optional<Class<?>> allowedClass(String name) {
    Class<?> simple = CLASSES.get(name);
    return Optional.ofNullable(simple != null ? simple : BY_FULL_NAME.get(name));
  }

  /** Whether rules may call a method of this name on a value (of whatever allowed type). */
  static boolean instanceMethod(String name) {
    return INSTANCE_METHOD_NAMES.contains(name);
  }

  /** Whether rules may call this static method of this allowed class. */
  static boolean staticMethod(Class<?> type, String name) {
    return STATIC_METHODS.getOrDefault(type, Set.of()).contains(name);
  }

  /**
   * Whether {@code x.name} may be read on a value: MVEL reads it through {@code getName()}, {@code
   * isName()} or a method {@code name()}, so one of those must be allowed and none of the others a
   * method that is not.
   */
  static boolean property(String name) {
    if (name.isEmpty() || name.equals("class")) {
      return false;
    }
    String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    List<String> reads = List.of("get" + capital, "is" + capital, name);
    boolean allowed = reads.stream().anyMatch(INSTANCE_METHOD_NAMES::contains);
    boolean shadowed =
        reads.stream().anyMatch(read -> KNOWN_METHOD_NAMES.contains(read) && !instanceMethod(read));
    return allowed && !shadowed;
  }

  /** Whether a pattern of this fact may name this property ({@code employees}, {@code grade}). */
  static boolean factProperty(Class<?> fact, String name) {
    if (name.isEmpty() || !Character.isLowerCase(name.charAt(0))) {
      return false;
    }
    String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    Set<String> methods = INSTANCE_METHODS.getOrDefault(fact, Set.of());
    boolean read = methods.contains("get" + capital) || methods.contains("is" + capital);
    boolean shadowed =
        Arrays.stream(fact.getMethods())
            .anyMatch(method -> method.getName().equals(name) && !methods.contains(name));
    return read && !shadowed;
  }

  /** Whether a pattern of this fact may call this method of it without a scope. */
  static boolean factMethod(Class<?> fact, String name) {
    return INSTANCE_METHODS.getOrDefault(fact, Set.of()).contains(name);
  }

  /**
   * Whether {@code Type.NAME} is a constant rules may read: an enum's value, or a public static
   * final field of an allowed class whose type is allowed.
   */
  static boolean constant(Class<?> type, String name) {
    try {
      Field field = type.getField(name);
      int modifiers = field.getModifiers();
      return Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getDeclaringClass() == type
          && allowedType(field.getType());
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  /** Whether values of this type may be held by a rule: allowed classes and primitives. */
  static boolean allowedType(Class<?> type) {
    return type.isPrimitive()
        || CLASSES.containsValue(type)
        || type == Map.class
        || type == List.class
        || type == Collection.class
        || type == Set.class;
  }

  private static Set<String> instanceMethodNames() {
    Set<String> names = new HashSet<>(OBJECT_METHODS);
    names.addAll(ENUM_METHODS);
    INSTANCE_METHODS.values().forEach(names::addAll);
    return Set.copyOf(names);
  }

  private static Set<String> knownMethodNames() {
    Set<String> names = new HashSet<>();
    for (Class<?> type : CLASSES.values()) {
      for (Method method : type.getMethods()) {
        names.add(method.getName());
      }
    }
    for (Class<?> type : List.of(Map.class, List.class, Collection.class, Set.class)) {
      for (Method method : type.getMethods()) {
        names.add(method.getName());
      }
    }
    return Set.copyOf(names);
  }

  private static Map<String, Class<?>> byName(Class<?>... types) {
    Map<String, Class<?>> byName = new HashMap<>();
    for (Class<?> type : types) {
      byName.put(type.getSimpleName(), type);
    }
    return Map.copyOf(byName);
  }

  private static Map<String, Class<?>> byFullName() {
    Map<String, Class<?>> byName = new HashMap<>();
    for (Class<?> type : CLASSES.values()) {
      byName.put(type.getCanonicalName(), type);
      byName.put(type.getName(), type);
    }
    return Map.copyOf(byName);
  }
}
