package dev.accord.rules;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Checks a rulebook folder the way the server will before it goes live, for use before committing
 * rules: {@code rules/check-rulebook.sh rules/rulebook}. Exit code 0 when it compiles, 1 with every
 * problem (file, line, reason) when it does not, 2 when used wrongly.
 */
public final class RulebookCheck {

  private RulebookCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      out.println("usage: check-rulebook <rulebook folder>");
      return 2;
    }
    Path folder = Path.of(args[0]);
    try {
      Rulebook rulebook = Rulebook.compile(folder);
      out.println("OK " + rulebook.version() + ": " + rulebook.folder() + " compiles.");
      if (!rulebook.warnings().isEmpty()) {
        out.println(rulebook.warnings().size() + " warning(s):");
        rulebook.warnings().forEach(warning -> out.println("  " + warning));
      }
      return 0;
    } catch (RulebookRejectedException rejected) {
      out.println("REJECTED " + folder + ": " + rejected.problems().size() + " problem(s)");
      rejected.problems().forEach(problem -> out.println("  " + problem));
      return 1;
    }
  }
}
