package dev.accord.rules;

import dev.accord.rules.calendar.BusinessCalendars;
import dev.accord.rules.decision.Concern;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.GradeSheet;
import dev.accord.rules.decision.Graded;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.decision.Routed;
import dev.accord.rules.decision.ScoreSheet;
import dev.accord.rules.decision.Scores;
import dev.accord.rules.decision.TeamChoice;
import dev.accord.rules.lead.Grade;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.sla.Agreement;
import dev.accord.rules.sla.ClockTerm;
import dev.accord.rules.sla.SlaTerms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rulebook folder that scores, grades and routes leads, and names its exact version so
 * every decision can say which rules made it.
 *
 * <p>The folder holds one sub-folder per stage, run in order: {@code scoring/} (facts: the {@link
 * Lead}; globals {@code fit} and {@code engagement}, both {@link ScoreSheet}), {@code grading/}
 * (adds the lead's {@link Scores}; global {@code grading}, a {@link GradeSheet}) and {@code
 * routing/} (adds its {@link Graded}; global {@code routing}, a {@link TeamChoice}). {@code sla/}
 * (adds the {@link Routed} team; global {@code sla}, a {@link SlaTerms}) starts the clocks of the
 * agreement. A stage's rules fire in its turn only, after the stages before it have settled what it
 * reads: a scoring rule never sees a grade. Beside the stages sit {@code agreement.yaml} and the
 * business calendars in {@code calendars/}. A missing or empty stage decides nothing. Instances are
 * immutable and {@link #decide} is safe from any number of threads.
 *
 * <p>A decision runs all its stages in one session, and the rulebook keeps the sessions its
 * decisions ran in, emptied, for the next decisions (creating one costs more than deciding a lead);
 * {@link #close} lets them go when the rulebook is replaced.
 */
public final class Rulebook implements AutoCloseable {

  private static final String CALENDARS = "calendars/";

  private final Path folder;
  private final String version;
  private final CompiledRules compiled;
  private final BusinessCalendars calendars;
  private final Agreement agreement;
  private final List<RuleFile> sources;
  private List<DrlSource> rules = List.of();
  // Set once, by compile, before the rulebook is handed out.
  private List<RulebookProblem> warnings = List.of();
  private List<RulebookProblem> failedScenarios = List.of();

  private Rulebook(
      Path folder,
      String version,
      CompiledRules rules,
      BusinessCalendars calendars,
      Agreement agreement,
      List<RuleFile> sources) {
    this.sources = List.copyOf(sources);
    this.folder = folder;
    this.version = version;
    this.compiled = rules;
    this.calendars = calendars;
    this.agreement = agreement;
  }

  /**
   * Reads and compiles every rule file under the folder.
   *
   * @throws RulebookRejectedException if the folder is missing or holds no rule files, a file does
   *     not compile, a file sits outside the stage folders, a global is not one the stage offers,
   *     or two rules share a name; it lists every problem with file and line
   */
  public static Rulebook compile(Path folder) throws RulebookRejectedException {
    return compile(folder, false);
  }

  /**
   * Compiles like {@link #compile(Path)}; with {@code pastFailingScenarios}, scenarios that fail do
   * not reject the rulebook but are listed in {@link #failedScenarios()}: a deliberate publish an
   * operator forces and the history records.
   */
  public static Rulebook compile(Path folder, boolean pastFailingScenarios)
      throws RulebookRejectedException {
    return compile(folder, pastFailingScenarios, RuleBudget.DEFAULT);
  }

  /**
   * Compiles like {@link #compile(Path, boolean)} within a budget: the compile and its checks stop
   * after {@code budget.compile()}, and every decision of the rulebook (its scenarios' and, once
   * live, every lead's) within the budget's time, firings and facts.
   */
  public static Rulebook compile(Path folder, boolean pastFailingScenarios, RuleBudget budget)
      throws RulebookRejectedException {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(budget, "budget");
    return CompileWithinBudget.run(
        budget.compile(), () -> compileNow(folder, pastFailingScenarios, budget));
  }

  private static Rulebook compileNow(Path folder, boolean pastFailingScenarios, RuleBudget budget)
      throws RulebookRejectedException {
    RuleFolder files = RuleFolder.read(folder);
    List<RulebookProblem> problems = new ArrayList<>();
    Map<String, byte[]> calendarFiles = new TreeMap<>();
    Agreement agreement = Agreement.NONE;
    ColumnTemplates columns = ColumnTemplates.NONE;
    for (RuleFile settings : files.settings()) {
      if (settings.path().equals(Agreement.FILE)) {
        Agreement.Parsed parsed = Agreement.parse(settings.content());
        problems.addAll(parsed.problems());
        agreement = parsed.agreement();
      } else if (settings.path().equals(ColumnTemplates.FILE)) {
        ColumnTemplates.Parsed parsed = ColumnTemplates.parse(settings.content());
        problems.addAll(parsed.problems());
        columns = parsed.templates();
      } else if (settings.path().startsWith(CALENDARS)
          && settings.path().indexOf('/', CALENDARS.length()) < 0) {
        calendarFiles.put(settings.path(), settings.content());
      } else {
        problems.add(
            new RulebookProblem(
                settings.path(),
                0,
                "settings files are "
                    + Agreement.FILE
                    + ", "
                    + ColumnTemplates.FILE
                    + " and "
                    + CALENDARS
                    + "<name>.yaml; this one would never be read"));
      }
    }
    BusinessCalendars calendars = null;
    try {
      calendars = BusinessCalendars.parse(calendarFiles);
    } catch (RulebookRejectedException rejected) {
      problems.addAll(rejected.problems());
    }
    List<DrlSource> rules = DecisionTable.rulesOf(files.files(), columns, problems);
    // Checked before the engine compiles anything, so an unsafe rule never reaches it.
    List<DrlSource> checked = RuleSafety.checked(rules, problems);
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems.stream().distinct().toList());
    }
    CompiledRules compiled;
    try {
      compiled = RulebookCompiler.compile(files, checked, budget);
    } catch (RulebookRejectedException rejected) {
      problems.addAll(rejected.problems());
      throw new RulebookRejectedException(problems);
    }
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
    List<RuleFile> sources = new ArrayList<>(files.files());
    sources.addAll(files.settings());
    files.scenarios().ifPresent(sources::add);
    Rulebook rulebook =
        new Rulebook(files.root(), files.version(), compiled, calendars, agreement, sources);
    // A target a table cell mistyped ("15 minuts") only fails when its rule fires: try every
    // grade now rather than on a lead's thread.
    problems.addAll(rulebook.clockTermsFailingForAGrade(rules));
    if (!problems.isEmpty()) {
      throw new RulebookRejectedException(problems);
    }
    // The business users' own examples are the publish gate: a change that breaks one is
    // rejected like a typo.
    List<RulebookProblem> failedScenarios =
        files.scenarios().map(file -> Scenarios.check(file, rulebook)).orElse(List.of());
    if (!failedScenarios.isEmpty() && !pastFailingScenarios) {
      throw new RulebookRejectedException(failedScenarios);
    }
    rulebook.failedScenarios = failedScenarios;
    rulebook.rules = List.copyOf(rules);
    rulebook.warnings = RulebookLint.warnings(rules, rulebook);
    return rulebook;
  }

  private List<RulebookProblem> clockTermsFailingForAGrade(List<DrlSource> rules) {
    Lead bare = new Lead("check@example.com", null, null, null, null, null, "US", null, null, null);
    List<RulebookProblem> problems = new ArrayList<>();
    Set<String> failing = new HashSet<>();
    for (Grade grade : Grade.values()) {
      String[] failedIn = new String[1];
      try {
        SlaTerms sla =
            compiled.decide(
                stages -> {
                  SlaTerms terms = new SlaTerms(stages.firingRule());
                  try {
                    stages.run(
                        Stage.SLA,
                        Map.of("sla", terms),
                        bare,
                        new Scores(0, 0),
                        new Graded(grade, 0, 0),
                        new Routed(null));
                  } catch (RuntimeException failed) {
                    failedIn[0] = stages.currentRule();
                    throw failed;
                  }
                  return terms;
                });
        checkCalendars(sla.terms());
      } catch (RuntimeException failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
          cause = cause.getCause();
        }
        String reason =
            "for a grade "
                + grade
                + " lead this clock term fails: "
                + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        String rule = failedIn[0] != null ? failedIn[0] : ruleNamedIn(cause.getMessage());
        if (!failing.add(rule == null ? reason.substring(reason.indexOf(':')) : rule)) {
          continue;
        }
        problems.addAll(
            rule == null
                ? List.of(new RulebookProblem(Stage.SLA.folder() + "/", 0, reason))
                : RulebookCompiler.locateRule(rule, reason, rules));
      }
    }
    return problems.stream().distinct().toList();
  }

  private static final Pattern RULE_NAMED = Pattern.compile("rule \"([^\"]+)\"");

  private static String ruleNamedIn(String message) {
    Matcher named = RULE_NAMED.matcher(String.valueOf(message));
    return named.find() ? named.group(1) : null;
  }

  private void checkCalendars(List<ClockTerm> clocks) {
    for (ClockTerm clock : clocks) {
      clock
          .calendar()
          .filter(name -> calendars.find(name).isEmpty())
          .ifPresent(
              name -> {
                throw new IllegalStateException(
                    "rule \""
                        + clock.rule()
                        + "\" counts clock \""
                        + clock.name()
                        + "\" in calendar '"
                        + name
                        + "', which is not one of calendars/"
                        + calendars.names());
              });
    }
  }

  /** The business calendars of the rulebook's {@code calendars/} folder, by name. */
  public BusinessCalendars calendars() {
    return calendars;
  }

  /** The reject reasons and marketing's promises from {@code agreement.yaml}. */
  public Agreement agreement() {
    return agreement;
  }

  /** {@code sha256:} and 12 hex digits, the same for the same files and names wherever compiled. */
  public String version() {
    return version;
  }

  /**
   * Writes the exact files this rulebook was compiled from into an empty folder, so that the same
   * version can be compiled again later (say, when the live folder has been broken since).
   */
  public void copyTo(Path target) throws java.io.IOException {
    for (RuleFile file : sources) {
      Path written = target.resolve(file.path());
      java.nio.file.Files.createDirectories(written.getParent());
      java.nio.file.Files.write(written, file.content());
    }
  }

  /**
   * Silent mistakes found in the rules (values no lead carries, countries no territory covers),
   * with file and line; they do not stop the rulebook from going live.
   */
  public List<RulebookProblem> warnings() {
    return warnings;
  }

  /**
   * The {@link #warnings()} and the values the rules use that the rest of Accord never produces:
   * team ids outside the organisation, sources and actions no channel has sent.
   */
  public List<RulebookProblem> warnings(Vocabulary vocabulary) {
    List<RulebookProblem> all = new ArrayList<>(warnings);
    all.addAll(RulebookLint.warnings(rules, vocabulary));
    return List.copyOf(all);
  }

  /** The scenarios this rulebook fails; only ever non-empty when it was compiled past them. */
  public List<RulebookProblem> failedScenarios() {
    return failedScenarios;
  }

  /** The absolute folder the rules were read from. */
  public Path folder() {
    return folder;
  }

  /**
   * Scores, grades and routes one lead, and sets out the clocks of the agreement it starts; each
   * call runs in a session no other call uses at the same time.
   */
  public Decision decide(Lead lead) {
    return decide(lead, true);
  }

  /**
   * Scores, grades and routes a lead without setting out its SLA clocks: what replaying past leads
   * against a changed rulebook needs, a stage cheaper than {@link #decide}.
   *
   * @return the decision, with no clock terms
   */
  public Decision scoreAndRoute(Lead lead) {
    return decide(lead, false);
  }

  private Decision decide(Lead lead, boolean withClocks) {
    Objects.requireNonNull(lead, "lead");
    return compiled.decide(stages -> decide(lead, withClocks, stages));
  }

  private Decision decide(Lead lead, boolean withClocks, CompiledRules.Stages stages) {
    Supplier<String> firing = stages.firingRule();
    ScoreSheet fit = new ScoreSheet(Concern.FIT, firing);
    ScoreSheet engagement = new ScoreSheet(Concern.ENGAGEMENT, firing);
    stages.run(Stage.SCORING, Map.of("fit", fit, "engagement", engagement), lead);

    GradeSheet grading = new GradeSheet(firing);
    stages.run(
        Stage.GRADING, Map.of("grading", grading), new Scores(fit.total(), engagement.total()));

    Graded graded = new Graded(grading.grade(), fit.total(), engagement.total());
    TeamChoice routing = new TeamChoice(firing);
    stages.run(Stage.ROUTING, Map.of("routing", routing), graded);

    List<ClockTerm> clocks = List.of();
    if (withClocks) {
      SlaTerms sla = new SlaTerms(firing);
      stages.run(Stage.SLA, Map.of("sla", sla), new Routed(routing.team().orElse(null)));
      clocks = sla.terms();
      checkCalendars(clocks);
    }

    List<Reason> reasons = new ArrayList<>(fit.reasons());
    reasons.addAll(engagement.reasons());
    reasons.addAll(grading.reasons());
    routing.reason().ifPresent(reasons::add);
    return new Decision(
        fit.total(), engagement.total(), grading.grade(), routing.team(), reasons, clocks, version);
  }

  /** Whether decisions keep their sessions for later ones (see {@link CompiledRules}). */
  boolean reusesSessions() {
    return compiled.sessionsReusable();
  }

  /**
   * Disposes the sessions kept for later decisions; call it once the rulebook is no longer handed
   * out. Decisions still under way finish normally, and a decision after closing still works, in
   * sessions disposed when it ends.
   */
  @Override
  public void close() {
    compiled.close();
  }

  @Override
  public String toString() {
    return "Rulebook[" + folder + ", " + version + "]";
  }
}
