package dev.accord.rules;

import java.util.Optional;

/**
 * A rule file's package statement, found where the engine looks for it: the first statement, after
 * white space and comments ({@code //}, {@code #} and block comments).
 *
 * @param start where the word {@code package} starts
 * @param end just after the package name, and after its semicolon if one follows on the line
 * @param name the package, e.g. {@code scoring.partners}
 */
record PackageStatement(int start, int end, String name) {

  static Optional<PackageStatement> of(String drl) {
    int at = drl.startsWith("\uFEFF") ? 1 : 0;
    while (at < drl.length()) {
      if (Character.isWhitespace(drl.charAt(at))) {
        at++;
      } else if (drl.startsWith("//", at) || drl.charAt(at) == '#') {
        int newline = drl.indexOf('\n', at);
        at = newline < 0 ? drl.length() : newline + 1;
      } else if (drl.startsWith("/*", at)) {
        int close = drl.indexOf("*/", at + 2);
        if (close < 0) {
          return Optional.empty();
        }
        at = close + 2;
      } else {
        break;
      }
    }
    int keywordEnd = at + "package".length();
    if (!drl.startsWith("package", at)
        || keywordEnd >= drl.length()
        || !Character.isWhitespace(drl.charAt(keywordEnd))) {
      return Optional.empty();
    }
    int nameStart = keywordEnd;
    while (nameStart < drl.length() && Character.isWhitespace(drl.charAt(nameStart))) {
      nameStart++;
    }
    int nameEnd = nameStart;
    while (nameEnd < drl.length()
        && (Character.isJavaIdentifierPart(drl.charAt(nameEnd)) || drl.charAt(nameEnd) == '.')) {
      nameEnd++;
    }
    if (nameEnd == nameStart) {
      return Optional.empty();
    }
    int end = nameEnd;
    while (end < drl.length() && (drl.charAt(end) == ' ' || drl.charAt(end) == '\t')) {
      end++;
    }
    end = end < drl.length() && drl.charAt(end) == ';' ? end + 1 : nameEnd;
    return Optional.of(new PackageStatement(at, end, drl.substring(nameStart, nameEnd)));
  }

  boolean endsWithSemicolon(String drl) {
    return drl.charAt(end - 1) == ';';
  }
}
