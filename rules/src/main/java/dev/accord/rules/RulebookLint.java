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

  private RulebookLint() {}

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
