package dev.accord.rules.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the allow-list closed, which is what makes allowing methods by name sound: whatever an
 * allowed method returns is again something rules may hold, every listed name is a real method, and
 * no name that runs reflection, regular expressions or unbounded allocation is ever allowed.
 */
class AllowListTest {

  private static final List<Class<?>> COLLECTIONS =
      List.of(Map.class, List.class, Collection.class, Set.class);

  private static final Set<String> NEVER_ALLOWED =
      Set.of(
          "getClass",
          "wait",
          "notify",
          "notifyAll",
          "getDeclaringClass",
          "describeConstable",
          "chars",
          "codePoints",
          "lines",
          "split",
          "matches",
          "replaceAll",
          "replaceFirst",
          "format",
          "formatted",
          "repeat");

  @Test
  void everyAllowedMethodReturnsSomethingRulesMayHold() {
    Set<Class<?>> types = new LinkedHashSet<>(AllowList.CLASSES.values());
    types.addAll(COLLECTIONS);
    List<String> violations = new ArrayList<>();
    for (Class<?> type : types) {
      for (Method method : type.getMethods()) {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        boolean allowed =
            isStatic
                ? AllowList.staticMethod(type, method.getName())
                : AllowList.instanceMethod(method.getName());
        if (allowed && !returnsAllowed(method)) {
          violations.add(
              type.getName()
                  + "."
                  + method.getName()
                  + Arrays.toString(method.getParameterTypes())
                  + " returns "
                  + method.getGenericReturnType().getTypeName());
        }
      }
    }

    assertThat(violations).as("allowed methods returning a type rules may not hold").isEmpty();
  }

  @Test
  void everyListedMethodExistsOnItsClass() {
    List<String> stale = new ArrayList<>();
    AllowList.INSTANCE_METHODS.forEach(
        (type, names) -> names.forEach(name -> missing(type, name, false).ifPresent(stale::add)));
    AllowList.STATIC_METHODS.forEach(
        (type, names) -> names.forEach(name -> missing(type, name, true).ifPresent(stale::add)));

    assertThat(stale).as("listed methods their class does not have").isEmpty();
  }

  @Test
  void noMethodRunningReflectionRegexesOrUnboundedAllocationIsAllowed() {
    Set<String> allowed = new HashSet<>(AllowList.INSTANCE_METHOD_NAMES);
    AllowList.STATIC_METHODS.values().forEach(allowed::addAll);

    assertThat(allowed).doesNotContainAnyElementsOf(NEVER_ALLOWED);
  }

  private static boolean returnsAllowed(Method method) {
    Class<?> returned = method.getReturnType();
    // Map.get, List.get and the like: the value is whatever the collection holds, itself allowed.
    boolean erasedElement =
        method.getGenericReturnType() instanceof TypeVariable<?>
            && COLLECTIONS.stream().anyMatch(c -> c.isAssignableFrom(method.getDeclaringClass()));
    return returned == void.class || AllowList.allowedType(returned) || erasedElement;
  }

  private static Optional<String> missing(Class<?> type, String name, boolean isStatic) {
    boolean exists =
        Arrays.stream(type.getMethods())
            .anyMatch(
                method ->
                    method.getName().equals(name)
                        && Modifier.isStatic(method.getModifiers()) == isStatic);
    return exists
        ? Optional.empty()
        : Optional.of(type.getName() + "." + name + (isStatic ? " (static)" : " (instance)"));
  }
}
