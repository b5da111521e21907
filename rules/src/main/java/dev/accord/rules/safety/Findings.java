package dev.accord.rules.safety;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * What the check of one rule file found: the places it refuses, and the rewrites of the text the
 * engine compiles instead (each keeping every line where it was).
 */
final class Findings {

  private final String text;
  private final List<RuleCode.Refusal> refusals = new ArrayList<>();
  private final List<Rewrite> rewrites = new ArrayList<>();

  private record Rewrite(int start, int end, String replacement) {}

  Findings(String text) {
    this.text = text;
  }

  private int[] lineStarts;

  /** Where the line (1-based) starts in the text; -1 past its end. */
  int lineStart(int line) {
    if (lineStarts == null) {
      lineStarts =
          java.util.stream.IntStream.concat(
                  java.util.stream.IntStream.of(0),
                  java.util.stream.IntStream.range(0, text.length())
                      .filter(i -> text.charAt(i) == '\n')
                      .map(i -> i + 1))
              .toArray();
    }
    return line >= 1 && line <= lineStarts.length ? lineStarts[line - 1] : -1;
  }

  /** The rule file's text as written. */
  String text() {
    return text;
  }

  void refuse(BaseDescr at, String reason) {
    refuse(Math.max(at.getLine(), 0), reason);
  }

  void refuse(int line, String reason) {
    refusals.add(new RuleCode.Refusal(line, reason));
  }

  /** Has the engine compile {@code replacement} instead of the text from start to end. */
  void rewrite(int start, int end, String replacement) {
    rewrites.add(new Rewrite(start, end, replacement));
  }

  List<RuleCode.Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /** The text the engine compiles: the file's own with the rewrites made. */
  String rewritten() {
    if (rewrites.isEmpty()) {
      return text;
    }
    StringBuilder result = new StringBuilder(text);
    rewrites.stream()
        .sorted((a, b) -> Integer.compare(b.start(), a.start()))
        .forEach(rewrite -> result.replace(rewrite.start(), rewrite.end(), rewrite.replacement()));
    return result.toString();
  }
}
