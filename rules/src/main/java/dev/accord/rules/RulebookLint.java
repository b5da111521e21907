package dev.accord.rules;

import dev.accord.rules.lead.Lead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the silent mistakes a compiler cannot: conditions comparing the lead's country with a value
 * the intake never produces (it stores ISO 3166 alpha-2 codes, so {@code "Germany"} never matches),
 * and countries no territory rule covers, whose leads would go unrouted. Warnings do not block a
 * publish; they are shown with file and line beside the live version.
 */
final class RulebookLint {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private static final Pattern COUNTRY_COMPARED =
      Pattern.compile("\\bcountry\\s*(?:==|!=)\\s*\"([^\"]*)\"");
  private static final Pattern COUNTRY_IN =
      Pattern.compile("\\bcountry\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private static final Pattern TEAM_NAMED = Pattern.compile("\\btoTeam\\s*\\(\\s*\"([^\"]*)\"");

  private RulebookLint() {}

  /**
   * Values the rules compare with or hand out that the rest of Accord never produces: team ids not
   * in the organisation, sources and actions no channel has sent.
   */
  static List<RulebookProblem> warnings(List<DrlSource> rules, Vocabulary vocabulary) {
    List<RulebookProblem> warnings = new ArrayList<>();
    for (DrlSource file : rules) {
      String[] lines = file.lines();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.startsWith("//")) {
          continue;
        }
        int at = file.sourceLine(i + 1);
        Matcher team = TEAM_NAMED.matcher(line);
        while (team.find()) {
          if (!vocabulary.teams().isEmpty() && !vocabulary.teams().contains(team.group(1))) {
            warnings.add(
                new RulebookProblem(
                    file.path(),
                    at,
                    "team '"
                        + team.group(1)
                        + "' is not a team of the organisation ("
                        + String.join(", ", new TreeSet<>(vocabulary.teams()))
                        + "), so its leads reach nobody"));
          }
        }
        unknownValues(file, at, line, "source", vocabulary.sources(), warnings);
        unknownValues(file, at, line, "action", vocabulary.actions(), warnings);
      }
    }
    return List.copyOf(warnings);
  }

  private static void unknownValues(
      DrlSource file,
      int at,
      String line,
      String field,
      Set<String> known,
      List<RulebookProblem> warnings) {
    if (known.isEmpty()) {
      return;
    }
    for (String value : comparedValues(line, field)) {
      if (!known.contains(value)) {
        warnings.add(
            new RulebookProblem(
                file.path(),
                at,
                field
                    + " is compared with '"
                    + value
                    + "', which no channel has sent"
                    + similarTo(value, known).map(v -> " (did you mean '" + v + "'?)").orElse("")
                    + "; leads so far came with "
                    + String.join(", ", new TreeSet<>(known))));
      }
    }
  }

  // A value one typo away, or one that contains the other ("demo" and "demo-request").
  private static java.util.Optional<String> similarTo(String value, Set<String> known) {
    return new TreeSet<>(known)
        .stream()
            .filter(
                k ->
                    k.contains(value)
                        || value.contains(k)
                        || editDistance(k.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT))
                            <= 2)
            .findFirst();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> comparedValues(String line, String field) {
    List<String> values = new ArrayList<>();
    Matcher compared =
        Pattern.compile("\\b" + field + "\\s*(?:==|!=)\\s*\"([^\"]*)\"").matcher(line);
    while (compared.find()) {
      values.add(compared.group(1));
    }
    Matcher in =
        Pattern.compile("\\b" + field + "\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)").matcher(line);
    while (in.find()) {
      Matcher quoted = QUOTED.matcher(in.group(1));
      while (quoted.find()) {
        values.add(quoted.group(1));
      }
    }
    return values;
  }

  static List<RulebookProblem> warnings(List<DrlSource> rules, Rulebook rulebook) {
    List<RulebookProblem> warnings = new ArrayList<>();
    for (DrlSource file : rules) {
      countryValues(file, warnings);
    }
    uncoveredCountries(rulebook, warnings);
    return List.copyOf(warnings);
  }

  private static void countryValues(DrlSource file, List<RulebookProblem> warnings) {
    String[] lines = file.lines();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("//")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      Matcher compared = COUNTRY_COMPARED.matcher(line);
      while (compared.find()) {
        values.add(compared.group(1));
      }
      Matcher in = COUNTRY_IN.matcher(line);
      while (in.find()) {
        Matcher quoted = QUOTED.matcher(in.group(1));
        while (quoted.find()) {
          values.add(quoted.group(1));
        }
      }
      for (String value : values) {
        if (!ISO_COUNTRIES.contains(value)) {
          warnings.add(
              new RulebookProblem(
                  file.path(),
                  file.sourceLine(i + 1),
                  "country is compared with '"
                      + value
                      + "', which no lead carries: leads hold ISO 3166 alpha-2 codes such as DE,"
                      + " GB, US, so this condition never matches"));
        }
      }
    }
  }

  private static void uncoveredCountries(Rulebook rulebook, List<RulebookProblem> warnings) {
    Set<String> uncovered = new TreeSet<>();
    for (String country : new TreeSet<>(ISO_COUNTRIES)) {
      Lead lead =
          new Lead("lint@example.com", null, null, null, null, null, country, null, null, null);
      try {
        if (rulebook.decide(lead).team().isEmpty()) {
          uncovered.add(country);
        }
      } catch (RuntimeException failed) {
        // A rule that fails for a bare lead fails for real ones too: worth saying, once.
        warnings.add(
            new RulebookProblem(
                ".",
                0,
                "a lead with only an e-mail and country "
                    + country
                    + " makes the rules fail: "
                    + failed.getMessage()));
        return;
      }
    }
    if (!uncovered.isEmpty()) {
      warnings.add(
          new RulebookProblem(
              "routing/",
              0,
              uncovered.size()
                  + " countries are covered by no territory, so their leads get no team: "
                  + String.join(", ", uncovered)));
    }
  }
}
