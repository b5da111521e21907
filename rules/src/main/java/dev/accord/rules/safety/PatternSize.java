package dev.accord.rules.safety;

import java.util.Optional;

/**
 * Keeps a {@code matches} pattern small enough to compile and run in bounded memory and stack: the
 * linear-time engine still builds a program as large as the pattern's counted repetitions multiply
 * out ({@code ((a{1000}){1000}){1000}} is a billion steps) and walks chains of optional steps
 * recursively, so the pattern's length and the product of its counts are capped before it is
 * compiled.
 */
final class PatternSize {

  static final int MAX_LENGTH = 1_000;
  static final int MAX_REPEATED = 1_000;

  private PatternSize() {}

  /** Why the pattern is too big to match, if it is. */
  static Optional<String> whyTooBig(String regex) {
    if (regex.length() > MAX_LENGTH) {
      return Optional.of(
          "it has " + regex.length() + " characters, and a pattern has at most " + MAX_LENGTH);
    }
    long product = 1;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '{') {
        int close = regex.indexOf('}', i);
        long count = close < 0 ? 1 : largestCount(regex.substring(i + 1, close));
        product *= Math.max(count, 1);
        if (product > MAX_REPEATED) {
          return Optional.of(
              "its counted repetitions ({n}, {n,m}) multiply to more than "
                  + MAX_REPEATED
                  + " steps; write a shorter pattern");
        }
      }
    }
    return Optional.empty();
  }

  // "3", "3,", "3,7": the largest count; not a count at all ("{a}", a literal brace): 1.
  private static long largestCount(String inside) {
    long largest = 1;
    for (String part : inside.split(",", -1)) {
      String digits = part.strip();
      if (digits.isEmpty()) {
        continue;
      }
      if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
        return digits.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE / 2 : 1;
      }
      largest = Math.max(largest, Long.parseLong(digits));
    }
    return largest;
  }
}
