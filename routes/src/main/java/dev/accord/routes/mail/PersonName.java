package dev.accord.routes.mail;

import java.util.Map;

/**
 * Splits a name written in one piece (a display name, a form's "Name" field) into the first and
 * last name a lead carries, because reps greet people by their first name.
 */
final class PersonName {

  private PersonName() {}

  /**
   * Adds {@code firstName} and {@code lastName} unless already there: {@code Ada Lovelace} and
   * {@code Lovelace, Ada} both give Ada / Lovelace; a single word is taken as the first name.
   */
  static void addTo(Map<String, String> fields, String name) {
    if (name == null || name.isBlank() || name.contains("@")) {
      return;
    }
    String first;
    String last;
    int comma = name.indexOf(',');
    if (comma > 0) {
      last = name.substring(0, comma).strip();
      first = name.substring(comma + 1).strip();
    } else {
      String[] words = name.strip().split("\\s+", 2);
      first = words[0];
      last = words.length > 1 ? words[1] : "";
    }
    if (!first.isEmpty()) {
      fields.putIfAbsent("firstName", first);
    }
    if (!last.isEmpty()) {
      fields.putIfAbsent("lastName", last);
    }
  }
}
