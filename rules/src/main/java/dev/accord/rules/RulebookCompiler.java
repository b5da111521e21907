package dev.accord.rules;

import dev.accord.rules.safety.CompiledClassCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Turns the files of a rulebook folder into one knowledge base whose stages are agenda groups, or
 * into the list of problems a business user has to fix; the only class that talks to the Drools
 * build API.
 */
final class RulebookCompiler {

  private static final String RESOURCES = "src/main/resources/";
  private static final String KIE_BASE = "rulebook";

  // Inside WildFly, Drools sits in the EAR's lib/ and the thread's context class loader belongs to
  // whichever module called; the facts and sheets must resolve from this module's loader.
  private static final ClassLoader FACTS_LOADER = RulebookCompiler.class.getClassLoader();

  private static final Pattern DUPLICATE_RULE = Pattern.compile("Duplicate rule name: (.+)");
  // Follow-up noise from problems reported better elsewhere: the generated class of a duplicate
  // rule, and the parser giving up after a syntax error.
  private static final Pattern GENERATED_CLASS_CLASH =
      Pattern.compile("The type Rule_\\w+ is already defined");
  private static final String PARSER_GAVE_UP = "Parser returned a null Package";
  private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
  private static final int MAX_REASON_LENGTH = 300;

  private RulebookCompiler() {}

  static CompiledRules compile(RuleFolder folder, List<DrlSource> rules, RuleBudget budget)
      throws RulebookRejectedException {
    rejectFilesOutsideStages(folder);
    rejectPackagesOutsideTheirStage(rules);

    KieServices kie = KieServices.Factory.get();
    // A fresh release id per compile: the KieRepository is process-wide, and an old rulebook keeps
    // serving while its successor compiles.
    ReleaseId releaseId =
        kie.newReleaseId("dev.accord.rulebook", "rulebook-" + UUID.randomUUID(), "1.0.0");
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    files.writeKModuleXML(moduleModel(kie).toXML());
    for (DrlSource rule : rules) {
      files.write(
          RESOURCES + rule.resource(), inItsStagesGroup(rule).getBytes(StandardCharsets.UTF_8));
    }
    KieBuilder built = kie.newKieBuilder(files, FACTS_LOADER).buildAll();
    List<Message> errors = built.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new RulebookRejectedException(problemsOf(errors, rules));
    }
    List<RulebookProblem> unsafe = new ArrayList<>();
    for (CompiledClassCheck.Refusal refusal :
        CompiledClassCheck.check(built.getKieModule(), KIE_BASE)) {
      unsafe.addAll(
          refusal
              .rule()
              .map(name -> locateRule(name, refusal.reason(), rules))
              .orElse(List.of(new RulebookProblem(".", 0, refusal.reason()))));
    }
    if (!unsafe.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new RulebookRejectedException(unsafe);
    }

    KieContainer container = kie.newKieContainer(releaseId, FACTS_LOADER);
    try {
      return compiledRulesOf(container, rules, budget);
    } catch (RulebookRejectedException e) {
      container.dispose();
      throw e;
    } finally {
      // The container keeps what it needs; leaving the module in the process-wide repository
      // would leak one rulebook per reload.
      kie.getRepository().removeKieModule(releaseId);
    }
  }

  private static void rejectFilesOutsideStages(RuleFolder folder) throws RulebookRejectedException {
    List<String> stageFolders = Arrays.stream(Stage.values()).map(Stage::folder).toList();
    List<RulebookProblem> problems =
        folder.files().stream()
            .filter(file -> !stageFolders.contains(file.stageFolder()))
            .map(
                file ->
                    new RulebookProblem(
                        file.path(),
                        0,
                        "rule files belong in one of the folders "
                            + String.join("/, ", stageFolders)
                            + "/; here it would never run"))
            .toList();
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
  }

  /**
   * A rule file's package, if it has one, is its stage's folder name or starts with it ({@code
   * scoring} or {@code scoring.partners}): the package is how the engine tells which stage a rule
   * belongs to. A file without one is given its folder's.
   */
  private static void rejectPackagesOutsideTheirStage(List<DrlSource> rules)
      throws RulebookRejectedException {
    List<RulebookProblem> problems = new ArrayList<>();
    for (DrlSource rule : rules) {
      String stage = stageFolderOf(rule);
      Optional<PackageStatement> declared = PackageStatement.of(rule.drl());
      if (declared.isPresent() && stageOfPackage(declared.get().name()) != Stage.of(stage)) {
        problems.add(
            new RulebookProblem(
                rule.path(),
                rule.sourceLine(lineOf(rule.drl(), declared.get().start())),
                "the package is '"
                    + declared.get().name()
                    + "'; a rule file in "
                    + stage
                    + "/ says 'package "
                    + stage
                    + ";' (or "
                    + stage
                    + ".<name>), or its rules would run in another stage or never"));
      }
    }
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
  }

  private static String stageFolderOf(DrlSource rule) {
    return rule.path().substring(0, rule.path().indexOf('/'));
  }

  /**
   * The text with its stage's agenda group declared for the whole file, on the package's line (or
   * before the first line, with the package, where the file names none) so every other line keeps
   * its number. A rule that names a group of its own is refused after the build.
   */
  private static String inItsStagesGroup(DrlSource rule) {
    String drl = rule.drl();
    String group = " agenda-group \"" + stageFolderOf(rule) + "\" ";
    return PackageStatement.of(drl)
        .map(
            declared ->
                drl.substring(0, declared.end())
                    + (declared.endsWithSemicolon(drl) ? "" : ";")
                    + group
                    + drl.substring(declared.end()))
        .orElseGet(
            () -> {
              String text = drl.startsWith("\uFEFF") ? drl.substring(1) : drl;
              return "package " + stageFolderOf(rule) + ";" + group + text;
            });
  }

  private static Stage stageOfPackage(String pkg) {
    for (Stage stage : Stage.values()) {
      if (pkg.equals(stage.folder()) || pkg.startsWith(stage.folder() + ".")) {
        return stage;
      }
    }
    return null;
  }

  private static int lineOf(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  private static KieModuleModel moduleModel(KieServices kie) {
    KieModuleModel module = kie.newKieModuleModel();
    KieBaseModel rulebook = module.newKieBaseModel(KIE_BASE);
    for (Stage stage : Stage.values()) {
      // "scoring.*" also takes sub-folders such as scoring/partners/.
      rulebook.addPackage(stage.folder()).addPackage(stage.folder() + ".*");
    }
    return module;
  }

  private static CompiledRules compiledRulesOf(
      KieContainer container, List<DrlSource> folder, RuleBudget budget)
      throws RulebookRejectedException {
    KieBase base = container.getKieBase(KIE_BASE);
    List<RulebookProblem> problems = new ArrayList<>();
    Map<Stage, Set<String>> globals = new EnumMap<>(Stage.class);
    // Drools only catches a repeated rule name within one package; the reasons users read must be
    // unambiguous across the whole rulebook.
    Map<String, Integer> packagesPerRuleName = new HashMap<>();
    Map<Stage, List<RuleImpl>> rulesByStage = new EnumMap<>(Stage.class);
    for (KiePackage pkg : base.getKiePackages()) {
      Stage stage = stageOfPackage(pkg.getName());
      if (stage == null) {
        continue;
      }
      for (Global global : pkg.getGlobalVariables()) {
        globals.computeIfAbsent(stage, s -> new HashSet<>()).add(global.getName());
        checkGlobal(stage, global, folder).ifPresent(problems::add);
      }
      for (Rule rule : pkg.getRules()) {
        packagesPerRuleName.merge(rule.getName(), 1, Integer::sum);
        rulesByStage.computeIfAbsent(stage, s -> new ArrayList<>()).add((RuleImpl) rule);
      }
    }
    Set<String> duplicates = new TreeSet<>();
    packagesPerRuleName.forEach(
        (name, count) -> {
          if (count > 1) {
            duplicates.add(name);
          }
        });
    problems.addAll(duplicateRuleProblems(duplicates, folder));
    problems.addAll(StageTurns.problems(rulesByStage, folder));
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
    return new CompiledRules(base, globals, StageTurns.allStartFromAFact(rulesByStage), budget);
  }

  private static List<RulebookProblem> problemsOf(List<Message> errors, List<DrlSource> folder) {
    Set<String> duplicates = new TreeSet<>();
    Set<RulebookProblem> problems = new LinkedHashSet<>();
    for (Message error : errors) {
      Matcher duplicate = DUPLICATE_RULE.matcher(error.getText());
      if (duplicate.matches()) {
        duplicates.add(duplicate.group(1).strip());
      } else if (!GENERATED_CLASS_CLASH.matcher(error.getText()).find()) {
        problems.add(problemOf(error, folder));
      }
    }
    // Drools names only one of the clashing rules; name every one.
    problems.addAll(duplicateRuleProblems(duplicates, folder));
    Set<String> filesWithRealProblems = new HashSet<>();
    problems.stream()
        .filter(problem -> !problem.reason().equals(PARSER_GAVE_UP))
        .forEach(problem -> filesWithRealProblems.add(problem.file()));
    return problems.stream()
        .filter(
            problem ->
                !problem.reason().equals(PARSER_GAVE_UP)
                    || !filesWithRealProblems.contains(problem.file()))
        .toList();
  }

  private static RulebookProblem problemOf(Message message, List<DrlSource> rules) {
    String path = message.getPath() == null ? "." : message.getPath();
    if (path.startsWith(RESOURCES)) {
      path = path.substring(RESOURCES.length());
    }
    int line = Math.max(message.getLine(), 0);
    for (DrlSource rule : rules) {
      if (rule.resource().equals(path)) {
        return new RulebookProblem(rule.path(), rule.sourceLine(line), readable(message.getText()));
      }
    }
    return new RulebookProblem(path, line, readable(message.getText()));
  }

  /**
   * Drools' own words without the parts meant for developers: error codes, positions the problem
   * already carries, MVEL's caret drawings and bracketed wrappers.
   */
  static String readable(String text) {
    StringBuilder reason = new StringBuilder();
    for (String rawLine : text.strip().split("\\R")) {
      String line = rawLine.strip();
      if (line.isEmpty()
          || line.chars().allMatch(c -> c == '^')
          || line.startsWith("[Near")
          || line.startsWith("[Line:")) {
        continue;
      }
      if (line.startsWith("[Error:") && line.endsWith("]")) {
        line = line.substring("[Error:".length(), line.length() - 1).strip();
      }
      if (!reason.isEmpty()) {
        reason.append(reason.charAt(reason.length() - 1) == ':' ? " " : "; ");
      }
      reason.append(line);
    }
    String result =
        PARSER_POSITION
            .matcher(reason.toString().replaceAll("\\s+", " "))
            .replaceFirst("")
            .replaceFirst("^Rule Compilation error ", "Rule Compilation error: ");
    return result.length() <= MAX_REASON_LENGTH
        ? result
        : result.substring(0, MAX_REASON_LENGTH - 1) + "…";
  }

  private static Optional<RulebookProblem> checkGlobal(
      Stage stage, Global global, List<DrlSource> folder) {
    Class<?> offered = stage.globals().get(global.getName());
    if (offered != null && offered.getName().equals(global.getType())) {
      return Optional.empty();
    }
    String reason =
        offered == null
            ? "the "
                + stage.folder()
                + " stage has no global named '"
                + global.getName()
                + "'; it offers "
                + String.join(", ", new TreeSet<>(stage.globals().keySet()))
            : "global '"
                + global.getName()
                + "' must be declared as "
                + offered.getName()
                + ", not "
                + global.getType();
    Pattern declaration =
        Pattern.compile(
            "(?m)^[ \\t]*global\\s+\\S+\\s+" + Pattern.quote(global.getName()) + "(?![\\w$])");
    List<RulebookProblem> declared = locate(stage.folder() + "/", declaration, reason, folder);
    return Optional.of(
        declared.isEmpty() ? new RulebookProblem(stage.folder(), 0, reason) : declared.get(0));
  }

  /** Where the rule of this name is declared, with this reason; the folder if nowhere. */
  static List<RulebookProblem> locateRule(String name, String reason, List<DrlSource> rules) {
    List<RulebookProblem> found = locate("", ruleDeclaration(name), reason, rules);
    return found.isEmpty() ? List.of(new RulebookProblem(".", 0, reason)) : found;
  }

  private static Pattern ruleDeclaration(String name) {
    return Pattern.compile(
        "(?m)^[ \\t]*rule\\s+(\"" + Pattern.quote(name) + "\"|" + Pattern.quote(name) + "\\b)");
  }

  private static List<RulebookProblem> duplicateRuleProblems(
      Set<String> names, List<DrlSource> folder) {
    List<RulebookProblem> problems = new ArrayList<>();
    for (String name : names) {
      String reason =
          "more than one rule is named \""
              + name
              + "\"; rule names are the reasons users read, so each must be unique";
      List<RulebookProblem> found = locate("", ruleDeclaration(name), reason, folder);
      problems.addAll(found.isEmpty() ? List.of(new RulebookProblem(".", 0, reason)) : found);
    }
    return problems;
  }

  // Built rules and globals no longer know their line; the source text still does.
  private static List<RulebookProblem> locate(
      String pathPrefix, Pattern declaration, String reason, List<DrlSource> folder) {
    List<RulebookProblem> found = new ArrayList<>();
    for (DrlSource file : folder) {
      if (file.path().startsWith(pathPrefix)) {
        String text = file.drl();
        Matcher matcher = declaration.matcher(text);
        while (matcher.find()) {
          long newlines = text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
          found.add(new RulebookProblem(file.path(), file.sourceLine((int) newlines + 1), reason));
        }
      }
    }
    return found;
  }
}
