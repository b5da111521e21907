package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks one value an operator gives for the organisation, by a call or an import row, the same way
 * for both: the value as text (null: empty), the field as the caller names it, and the problem
 * noted if it is wrong. Only the database's own limits and the rulebook's calendars are known here.
 */
final class OrganisationValues {

  /** Team and rep ids: what the rulebook and the URLs spell them with. */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  // The shape of an address, not its deliverability: the demo's accord.example is reserved, and
  // every real top-level domain passes.
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\"(),:;<>\\[\\]\\\\]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z]{2,63}");

  private OrganisationValues() {}

  static String id(String value, String field, List<Problem> problems) {
    if (value == null || !ID.matcher(value).matches()) {
      problems.add(
          new Problem(
              field,
              "must be 1 to 40 lower-case letters, digits, '.', '_' or '-', starting with a"
                  + " letter or digit"));
      return null;
    }
    return value;
  }

  /** A required text of at most {@code max} characters, stripped. */
  static String required(String value, int max, String what, String field, List<Problem> problems) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      problems.add(new Problem(field, "is required: " + what + ", up to " + max + " characters"));
      return null;
    }
    return value.strip();
  }

  /** An optional text of at most {@code max} characters, stripped; null if empty. */
  static String optional(String value, int max, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > max) {
      problems.add(new Problem(field, "is longer than " + max + " characters"));
      return null;
    }
    return value.strip();
  }

  /** An e-mail address, as given; null if empty. */
  static String email(String value, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String address = value.strip();
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      problems.add(
          new Problem(field, "'" + address + "' is not an e-mail address such as ana@acme.com"));
      return null;
    }
    return address;
  }

  /** An IANA time zone; null if empty. */
  static ZoneId zone(String value, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String id = value.strip();
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      problems.add(
          new Problem(field, "'" + id + "' is not an IANA time zone such as Europe/Berlin"));
      return null;
    }
    return ZoneId.of(id);
  }

  /**
   * A business calendar of the live rulebook; null if empty. The calendars are asked for only when
   * a name is given, so a load without calendars never needs the rulebook.
   */
  static String calendar(
      String value, Supplier<Set<String>> calendars, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String name = value.strip();
    Set<String> known = calendars.get();
    if (!known.contains(name)) {
      problems.add(
          new Problem(
              field,
              "'"
                  + name
                  + "' is not a business calendar of the live rulebook; known: "
                  + String.join(", ", known.stream().sorted().toList())));
      return null;
    }
    return name;
  }

  /**
   * A whole number from {@code min} to {@code max}; null if empty.
   *
   * @param notANumber the reason if it is not a whole number
   * @param outOfRange the reason if it is one, but too small or too large
   */
  static Integer whole(
      String value,
      int min,
      int max,
      String notANumber,
      String outOfRange,
      String field,
      List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String digits = value.strip();
    if (!digits.matches("[-+]?\\d{1,100}")) {
      problems.add(new Problem(field, notANumber));
      return null;
    }
    BigInteger number = new BigInteger(digits);
    if (number.compareTo(BigInteger.valueOf(min)) < 0
        || number.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.add(new Problem(field, outOfRange));
      return null;
    }
    return number.intValueExact();
  }

  /** true or false (any case); null if empty. */
  static Boolean flag(String value, String field, List<Problem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        problems.add(new Problem(field, "must be true or false"));
        return null;
    }
  }
}
