package dev.accord.rules;

/**
 * One rule file as read from disk, kept in memory so the version, the build and any problem report
 * all describe the same bytes even if a user saves again mid-compile.
 *
 * @param path relative to the rulebook folder, with {@code /} separators, e.g. {@code
 *     scoring/fit.drl}
 */
record RuleFile(String path, byte[] content) {

  String stageFolder() {
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
