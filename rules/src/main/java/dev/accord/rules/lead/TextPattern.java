package dev.accord.rules.lead;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rule's {@code matches} condition runs: a regular expression matched in time linear in the
 * lead's text (RE2), so no pattern a business user writes and no text a lead carries can make a
 * decision run away, as backtracking engines can.
 */
public final class TextPattern {

  // Patterns come from rule files; a cap keeps a long run of reloads from growing the cache.
  private static final int MAX_CACHED = 10_000;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private TextPattern() {}

  /**
   * Whether the whole of the value matches the pattern; a missing value matches nothing.
   *
   * @throws com.google.re2j.PatternSyntaxException if the pattern is not one RE2 understands
   */
  public static boolean matches(Object value, String pattern) {
    if (value == null) {
      return false;
    }
    return compiled(pattern).matcher(value.toString()).matches();
  }

  /**
   * Compiles the pattern, as a check before any rule uses it.
   *
   * @throws com.google.re2j.PatternSyntaxException if it is not one RE2 understands
   */
  public static void check(String pattern) {
    compiled(pattern);
  }

  private static Pattern compiled(String pattern) {
    Pattern found = COMPILED.get(pattern);
    if (found != null) {
      return found;
    }
    if (COMPILED.size() >= MAX_CACHED) {
      COMPILED.clear();
    }
    return COMPILED.computeIfAbsent(pattern, Pattern::compile);
  }
}
