package dev.accord.rules;

import dev.accord.rules.lead.Grade;
import dev.accord.rules.sla.BusinessTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a decision table's cell may hold, by the name {@code columns.yaml} gives it: values a
 * business user types, never code, because Drools pastes a cell's text into the column's code.
 */
enum CellType {
  WHOLE_NUMBER("whole-number") {
    @Override
    Optional<String> whyNot(String cell) {
      return WHOLE.matcher(cell).matches()
          ? Optional.empty()
          : Optional.of(
              "'" + cell + "' is not a whole number; write digits only, such as 1000 or -10");
    }
  },
  COUNTRY("country") {
    @Override
    Optional<String> whyNot(String cell) {
      return COUNTRIES.contains(cell)
          ? Optional.empty()
          : Optional.of(
              "'"
                  + cell
                  + "' is not an ISO 3166 country code; write the country's two capital letters,"
                  + " such as DE");
    }
  },
  TEAM("team") {
    @Override
    Optional<String> whyNot(String cell) {
      return TEAM_ID.matcher(cell).matches()
          ? Optional.empty()
          : Optional.of(
              "'"
                  + cell
                  + "' is not a team id; team ids are up to 40 lower-case letters, digits, '.',"
                  + " '_' or '-', such as emea");
    }
  },
  BUSINESS_TIME("business-time") {
    @Override
    Optional<String> whyNot(String cell) {
      try {
        BusinessTime.of(cell);
        return Optional.empty();
      } catch (IllegalArgumentException notATarget) {
        return Optional.of(notATarget.getMessage());
      }
    }
  },
  GRADE("grade") {
    @Override
    Optional<String> whyNot(String cell) {
      return Arrays.stream(Grade.values()).anyMatch(grade -> grade.name().equals(cell))
          ? Optional.empty()
          : Optional.of(
              "'"
                  + cell
                  + "' is not a grade; write one of "
                  + Arrays.stream(Grade.values())
                      .map(Grade::name)
                      .collect(Collectors.joining(", ")));
    }
  },
  TRUE_FALSE("true-false") {
    @Override
    Optional<String> whyNot(String cell) {
      return cell.equals("true") || cell.equals("false")
          ? Optional.empty()
          : Optional.of("'" + cell + "' is neither true nor false; write true or false");
    }
  },
  WORDS("words") {
    @Override
    Optional<String> whyNot(String cell) {
      if (cell.length() > MAX_WORD_LIST) {
        return Optional.of(
            "the list has "
                + cell.length()
                + " characters; a cell of words holds at most "
                + MAX_WORD_LIST);
      }
      return WORD_LIST.matcher(cell).matches()
          ? Optional.empty()
          : Optional.of(
              "'"
                  + cell
                  + "' is not a list of words; write words or phrases separated by commas, with"
                  + " letters, digits, spaces and & ' - . only");
    }
  },
  WORD("word") {
    @Override
    Optional<String> whyNot(String cell) {
      return LOWER_CASE_WORD.matcher(cell).matches()
          ? Optional.empty()
          : Optional.of(
              "'"
                  + cell
                  + "' is not a lower-case word; write up to 50 lower-case letters, digits and"
                  + " '-', such as paid-search");
    }
  };

  // No leading zeros: Java reads 010 as eight. Nine digits always fit the int a rule takes.
  private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,8})");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  // The organisation's own rule for team ids (OrganisationValues.ID in the EJB module).
  private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  // What the intake accepts as a lead's source (WebForm) and action.
  private static final Pattern LOWER_CASE_WORD = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

  // A word of a title list: letters, digits and the few marks titles use ("R&D", "C-level").
  private static final String WORD_OF_A_TITLE = "[\\p{L}\\p{N}&'.-]+";
  private static final String PHRASE = " *" + WORD_OF_A_TITLE + "( +" + WORD_OF_A_TITLE + ")* *";
  // The list is matched by a pattern that recurses once a word: bounded first.
  private static final int MAX_WORD_LIST = 2_000;
  private static final Pattern WORD_LIST = Pattern.compile(PHRASE + "(," + PHRASE + ")*");

  private final String written;

  CellType(String written) {
    this.written = written;
  }

  /** The type as {@code columns.yaml} writes it, e.g. {@code whole-number}. */
  String written() {
    return written;
  }

  /** Why the cell's text is not a value of this type, in words for the person who typed it. */
  abstract Optional<String> whyNot(String cell);

  static Optional<CellType> written(String name) {
    return Arrays.stream(values()).filter(type -> type.written.equals(name)).findFirst();
  }

  static String allWritten() {
    return Arrays.stream(values()).map(CellType::written).collect(Collectors.joining(", "));
  }
}
