package dev.accord.rules.safety;

import java.util.Optional;

/**
 * Keeps a rule file within what the parsers take in bounded stack and time, before any of them
 * reads it: its size, the length of its lines and how deep its parentheses, brackets and braces
 * nest (thousands of nested parentheses overflow the parsers' stacks; a condition of twenty
 * thousand terms compiles for longer than a compile's budget).
 */
final class TextSize {

  static final int MAX_CHARACTERS = 2_000_000;
  static final int MAX_LINE = 5_000;
  static final int MAX_NESTING = 50;

  private TextSize() {}

  /** Why the text is too big or too deep to check, at its line, if it is. */
  static Optional<RuleCode.Refusal> whyTooBig(String text) {
    if (text.length() > MAX_CHARACTERS) {
      return Optional.of(
          new RuleCode.Refusal(
              0,
              "the file has "
                  + text.length()
                  + " characters; a rule file has at most "
                  + MAX_CHARACTERS
                  + " (split it)"));
    }
    int line = 1;
    int lineStart = 0;
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (i - lineStart > MAX_LINE) {
          return Optional.of(
              new RuleCode.Refusal(
                  line, "the line is longer than " + MAX_LINE + " characters; break it up"));
        }
        line++;
        lineStart = i + 1;
      } else if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return Optional.of(
              new RuleCode.Refusal(
                  line,
                  "parentheses, brackets and braces are nested more than "
                      + MAX_NESTING
                      + " deep here; write the rule flatter"));
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(depth - 1, 0);
      }
    }
    if (text.length() - lineStart > MAX_LINE) {
      return Optional.of(
          new RuleCode.Refusal(
              line, "the line is longer than " + MAX_LINE + " characters; break it up"));
    }
    return Optional.empty();
  }
}
