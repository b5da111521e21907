package dev.accord.rules;

import java.io.Serializable;
import java.util.Objects;

/**
 * One reason a rulebook was rejected, pointing a business user at the place to fix.
 *
 * @param file relative to the rulebook folder, e.g. {@code scoring/fit.drl}; {@code .} for the
 *     folder as a whole
 * @param line 1-based, or 0 when the problem has no single line
 * @param reason in the words Drools gives, trimmed to one readable sentence
 */
public record RulebookProblem(String file, int line, String reason) implements Serializable {

  public RulebookProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
