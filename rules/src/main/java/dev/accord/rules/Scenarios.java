package dev.accord.rules;

import dev.accord.rules.decision.Decision;
import dev.accord.rules.decision.Reason;
import dev.accord.rules.lead.Lead;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Example leads with the outcome a business user expects, kept in {@code scenarios.csv} beside the
 * rules and run on every compile: a change that breaks one is rejected like a typo, naming the
 * scenario's line, what was expected and what the rules now decide.
 *
 * <p>Columns (a header row names them; order is free): {@code scenario} (what the example is,
 * required), the lead's fields {@code email, firstName, lastName, company, title, employees,
 * country} (ISO alpha-2), {@code phone, source, action, industry}, and what to expect: {@code
 * expect grade} (A–D), {@code expect team} (a team id, or {@code none}), {@code expect rule} (a
 * rule that must fire). An empty expectation is not checked.
 */
final class Scenarios {

  private static final Set<String> COLUMNS =
      Set.of(
          "scenario",
          "email",
          "firstname",
          "lastname",
          "company",
          "title",
          "employees",
          "country",
          "phone",
          "source",
          "action",
          "industry",
          "expect grade",
          "expect team",
          "expect rule");

  private Scenarios() {}

  // Every scenario runs on every change: a thousand examples, each as long as a lead, keep a
  // change's check within its budget.
  static final int MAX_SCENARIOS = 1_000;
  static final int MAX_VALUE = 1_000;

  /** Every scenario that does not hold, as a problem on its line. */
  static List<RulebookProblem> check(RuleFile file, Rulebook rulebook) {
    List<RulebookProblem> problems = new ArrayList<>();
    String text = new String(file.content(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser rows = CSVParser.parse(new StringReader(text), format)) {
      for (String column : rows.getHeaderNames()) {
        if (!COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
          problems.add(
              new RulebookProblem(
                  file.path(), 1, "column '" + column + "' is not one of " + COLUMNS));
        }
      }
      if (!problems.isEmpty()) {
        return problems;
      }
      int scenarios = 0;
      for (CSVRecord row : rows) {
        int line = (int) row.getParser().getCurrentLineNumber();
        if (++scenarios > MAX_SCENARIOS) {
          problems.add(
              new RulebookProblem(
                  file.path(),
                  line,
                  "the file has more than "
                      + MAX_SCENARIOS
                      + " scenarios; keep the examples that matter, so every change is checked"
                      + " within its budget"));
          break;
        }
        Optional<String> tooLong =
            values(row).entrySet().stream()
                .filter(value -> value.getValue() != null && value.getValue().length() > MAX_VALUE)
                .map(Map.Entry::getKey)
                .findFirst();
        if (tooLong.isPresent()) {
          problems.add(
              new RulebookProblem(
                  file.path(),
                  line,
                  "'"
                      + tooLong.get()
                      + "' has more than "
                      + MAX_VALUE
                      + " characters; a scenario's values are as long as a lead's"));
          continue;
        }
        problems.addAll(check(file.path(), line, values(row), rulebook));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(new RulebookProblem(file.path(), 0, "cannot be read as CSV: " + e.getMessage()));
    }
    return problems;
  }

  private static Map<String, String> values(CSVRecord row) {
    Map<String, String> values = new java.util.HashMap<>();
    row.toMap().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
    return values;
  }

  private static List<RulebookProblem> check(
      String file, int line, Map<String, String> row, Rulebook rulebook) {
    String name = text(row, "scenario");
    if (name == null) {
      return List.of(new RulebookProblem(file, line, "the scenario has no name in 'scenario'"));
    }
    Lead lead;
    try {
      lead =
          new Lead(
              text(row, "email") == null ? "scenario@example.com" : text(row, "email"),
              text(row, "firstname"),
              text(row, "lastname"),
              text(row, "company"),
              text(row, "title"),
              text(row, "employees") == null ? null : Integer.valueOf(text(row, "employees")),
              text(row, "country") == null ? "" : text(row, "country").toUpperCase(Locale.ROOT),
              text(row, "phone"),
              lower(text(row, "source")),
              lower(text(row, "action")),
              text(row, "industry"),
              Map.of(),
              1);
    } catch (NumberFormatException e) {
      return List.of(
          new RulebookProblem(file, line, "'" + name + "': employees is not a whole number"));
    }
    Decision decision;
    try {
      decision = rulebook.decide(lead);
    } catch (RuleBudgetExceededException stopped) {
      return List.of(new RulebookProblem(file, line, "'" + name + "': " + stopped.getMessage()));
    }
    List<RulebookProblem> problems = new ArrayList<>();
    String grade = text(row, "expect grade");
    if (grade != null && !grade.equalsIgnoreCase(decision.grade().name())) {
      problems.add(
          new RulebookProblem(
              file,
              line,
              "'"
                  + name
                  + "' expects grade "
                  + grade.toUpperCase(Locale.ROOT)
                  + " but the rules now give "
                  + decision.grade()
                  + " (fit "
                  + decision.fit()
                  + ", engagement "
                  + decision.engagement()
                  + ")"));
    }
    String team = text(row, "expect team");
    String decidedTeam = decision.team().orElse("none");
    if (team != null && !team.equals(decidedTeam)) {
      problems.add(
          new RulebookProblem(
              file,
              line,
              "'" + name + "' expects team " + team + " but the rules now give " + decidedTeam));
    }
    String rule = text(row, "expect rule");
    if (rule != null && decision.reasons().stream().map(Reason::rule).noneMatch(rule::equals)) {
      problems.add(
          new RulebookProblem(
              file, line, "'" + name + "' expects the rule \"" + rule + "\" to fire; it did not"));
    }
    return problems;
  }

  private static String text(Map<String, String> row, String column) {
    String value = row.get(column);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
