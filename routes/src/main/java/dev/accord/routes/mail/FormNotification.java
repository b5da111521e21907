package dev.accord.routes.mail;

import dev.accord.routes.intake.FieldMapping;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mail a form tool sends for each submission, a list of {@code Field: value} lines, so
 * such a mail becomes the lead the person typed into the form, not a lead from the form tool's
 * no-reply address.
 *
 * <p>Labels the mailbox's {@link FieldMapping} lists are left as written for the mapping to
 * translate; the common English labels ({@code E-mail}, {@code First name}, {@code Organisation},
 * ...) are translated here so a new form tool works without configuration; other labels go to the
 * mapping, which drops them or keeps them as attributes.
 */
final class FormNotification {

  private static final Pattern FIELD_LINE =
      Pattern.compile("^\\s*(\\p{L}[\\p{L}\\p{N} ._/-]{0,39}?)\\s*:\\s*(.*?)\\s*$");
  private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
  private static final String NAME = "name";
  private static final Map<String, String> COMMON_LABELS = commonLabels();

  private FormNotification() {}

  /**
   * The submission's fields, or empty when the text is not a form notification: at least two {@code
   * Field: value} lines, one an e-mail field with an address, and no fewer such lines than lines of
   * free text (a prospect's signature can have an {@code Email:} line too).
   */
  static Optional<Map<String, String>> read(String text, FieldMapping mapping) {
    Map<String, String> values = new LinkedHashMap<>();
    int fieldLines = 0;
    int freeLines = 0;
    boolean hasEmail = false;
    String current = null;
    for (String line : text.split("\n")) {
      if (SIGNATURE_DELIMITER.matcher(line).matches()) {
        break;
      }
      Matcher field = FIELD_LINE.matcher(line);
      if (line.isBlank()) {
        current = null;
      } else if (field.matches() && !field.group(2).startsWith("//")) {
        fieldLines++;
        current = field.group(1);
        values.putIfAbsent(current, field.group(2));
        hasEmail |= isEmailLabel(label(current), mapping) && field.group(2).contains("@");
      } else if (current != null) {
        // A long answer (the message, typically) continues on the lines below its label.
        String above = values.get(current);
        values.put(current, above.isEmpty() ? line.strip() : above + "\n" + line.strip());
      } else {
        freeLines++;
      }
    }
    if (fieldLines < 2 || !hasEmail || fieldLines < freeLines) {
      return Optional.empty();
    }
    return Optional.of(named(values, mapping));
  }

  private static Map<String, String> named(Map<String, String> values, FieldMapping mapping) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, String> value : values.entrySet()) {
      String label = label(value.getKey());
      String field = COMMON_LABELS.get(label);
      if (mapping.fields().containsKey(label) || field == null) {
        fields.putIfAbsent(value.getKey(), value.getValue());
      } else if (field.equals(NAME)) {
        PersonName.addTo(fields, value.getValue());
      } else {
        fields.putIfAbsent(field, value.getValue());
      }
    }
    return fields;
  }

  private static boolean isEmailLabel(String label, FieldMapping mapping) {
    return "email".equals(mapping.fields().getOrDefault(label, COMMON_LABELS.get(label)));
  }

  private static String label(String written) {
    return written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static Map<String, String> commonLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    put(labels, "email", "email", "e-mail", "email address", "e-mail address", "your email");
    put(labels, "firstName", "first name", "firstname", "given name");
    put(labels, "lastName", "last name", "lastname", "surname", "family name");
    put(labels, NAME, "name", "full name", "your name");
    put(labels, "company", "company", "company name", "organisation", "organization");
    put(labels, "title", "title", "job title", "position");
    put(labels, "phone", "phone", "phone number", "telephone", "tel", "mobile");
    put(labels, "country", "country");
    put(labels, "employees", "employees", "company size", "number of employees");
    put(labels, "industry", "industry");
    put(labels, "message", "message", "your message", "comments", "comment");
    return Map.copyOf(labels);
  }

  private static void put(Map<String, String> labels, String field, String... written) {
    for (String label : written) {
      labels.put(label, field);
    }
  }
}
