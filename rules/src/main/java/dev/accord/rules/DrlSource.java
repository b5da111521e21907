package dev.accord.rules;

import java.nio.charset.StandardCharsets;

/**
 * The rule language text of one rule file as the engine compiles it: a DRL file's own text, or the
 * rules Drools generates from a decision table, with the way back from a line of that text to the
 * line (or spreadsheet row) a business user edits.
 *
 * @param path the rule file in the rulebook folder, e.g. {@code routing/territories.csv}
 * @param resource the name the engine compiles the text under; problems it reports carry this name
 * @param drl the rule language text
 * @param sourceLines for each line of {@code drl} (index 0 for line 1), the line or row of the rule
 *     file it came from, 0 where no single one did; {@code null} when the lines are the file's
 */
record DrlSource(String path, String resource, String drl, int[] sourceLines) {

  static DrlSource of(RuleFile drlFile) {
    return new DrlSource(
        drlFile.path(),
        drlFile.path(),
        new String(drlFile.content(), StandardCharsets.UTF_8),
        null);
  }

  /** The line or row of the rule file that line {@code drlLine} (1-based) of the text came from. */
  int sourceLine(int drlLine) {
    if (sourceLines == null || drlLine <= 0) {
      return Math.max(drlLine, 0);
    }
    return drlLine <= sourceLines.length ? sourceLines[drlLine - 1] : 0;
  }

  String[] lines() {
    return drl.split("\n", -1);
  }
}
