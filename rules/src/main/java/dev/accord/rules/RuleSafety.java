package dev.accord.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses what a business user's rule must never do, before the engine sees it: reach out of the
 * rules into the server (the system, files, network, threads, reflection, processes), or carry a
 * name longer than a lead's receipt can store. Rules decide leads; they do nothing else.
 */
final class RuleSafety {

  /** The longest rule name a receipt stores (lead_reason.rule_name). */
  static final int RULE_NAME_MAX = 400;

  private static final List<Forbidden> FORBIDDEN =
      List.of(
          new Forbidden(Pattern.compile("\\bSystem\\s*\\."), "the system (System.…)"),
          new Forbidden(Pattern.compile("\\bRuntime\\b"), "the runtime (Runtime)"),
          new Forbidden(Pattern.compile("\\bProcessBuilder\\b"), "processes (ProcessBuilder)"),
          new Forbidden(Pattern.compile("\\bjava\\.(io|nio|net)\\b"), "files or the network"),
          new Forbidden(
              Pattern.compile("\\b(Thread|Executors?|ForkJoinPool)\\b|java\\.util\\.concurrent"),
              "threads"),
          new Forbidden(
              Pattern.compile(
                  "java\\.lang\\.reflect|\\bClass\\s*\\.\\s*forName|\\.getClass\\s*\\("),
              "reflection"),
          new Forbidden(
              Pattern.compile("(?<![\\w.])(drools|kcontext)\\s*\\."),
              "the engine (drools.…, kcontext.…: halting it, moving its focus)"));

  private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");

  // Where a line starts with it, at its row of a decision table; the built rules are checked too.
  private static final Pattern OWN_GROUP =
      Pattern.compile("^\\s*(agenda-group|auto-focus|ruleflow-group)\\b");

  private record Forbidden(Pattern pattern, String what) {}

  private RuleSafety() {}

  static List<RulebookProblem> problems(List<DrlSource> files) {
    List<RulebookProblem> problems = new ArrayList<>();
    for (DrlSource file : files) {
      String[] lines = file.lines();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        int comment = line.indexOf("//");
        String code = comment < 0 ? line : line.substring(0, comment);
        for (Forbidden forbidden : FORBIDDEN) {
          if (forbidden.pattern().matcher(code).find()) {
            problems.add(
                new RulebookProblem(
                    file.path(),
                    file.sourceLine(i + 1),
                    "rules may not reach for "
                        + forbidden.what()
                        + "; a rule only reads the lead and awards points, grades, teams or"
                        + " clocks"));
          }
        }
        Matcher group = OWN_GROUP.matcher(code);
        if (group.find()) {
          problems.add(
              new RulebookProblem(
                  file.path(),
                  file.sourceLine(i + 1),
                  "'" + group.group(1) + "' " + StageTurns.OWN_GROUP));
        }
        Matcher name = RULE_NAME.matcher(line);
        if (name.find() && name.group(1).length() > RULE_NAME_MAX) {
          problems.add(
              new RulebookProblem(
                  file.path(),
                  file.sourceLine(i + 1),
                  "the rule's name has "
                      + name.group(1).length()
                      + " characters; a lead's receipt stores at most "
                      + RULE_NAME_MAX));
        }
      }
    }
    return problems;
  }
}
