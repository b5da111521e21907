package dev.accord.rules;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a rulebook folder the way the server will before it goes live, for use before committing
 * rules: {@code rules/check-rulebook.sh rules/rulebook}. Exit code 0 when it compiles, 1 with every
 * problem (file, line, reason) when it does not, 2 when used wrongly.
 */
public final class RulebookCheck {

  private RulebookCheck() {}

  public static void main(String[] args) {
    // POI (decision tables) logs through Log4j's API; on the command line nothing provides it.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty(
          "log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    java.util.Map<String, java.util.Set<String>> known = new java.util.HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!List.of("--teams", "--sources", "--actions").contains(args[i])) {
        known = null;
        break;
      }
      known.put(args[i], java.util.Set.of(args[i + 1].split("\\s*,\\s*")));
    }
    if (args.length == 0 || args.length % 2 == 0 || known == null) {
      out.println(
          "usage: check-rulebook <rulebook folder> [--teams a,b] [--sources x,y] [--actions p,q]");
      return 2;
    }
    Path folder = Path.of(args[0]);
    Vocabulary vocabulary =
        new Vocabulary(
            known.getOrDefault("--teams", java.util.Set.of()),
            known.getOrDefault("--sources", java.util.Set.of()),
            known.getOrDefault("--actions", java.util.Set.of()));
    try {
      Rulebook rulebook = Rulebook.compile(folder);
      out.println("OK " + rulebook.version() + ": " + rulebook.folder() + " compiles.");
      List<RulebookProblem> warnings = rulebook.warnings(vocabulary);
      if (!warnings.isEmpty()) {
        out.println(warnings.size() + " warning(s):");
        warnings.forEach(warning -> out.println("  " + warning));
      }
      return 0;
    } catch (RulebookRejectedException rejected) {
      out.println("REJECTED " + folder + ": " + rejected.problems().size() + " problem(s)");
      rejected.problems().forEach(problem -> out.println("  " + problem));
      return 1;
    }
  }
}
