package dev.accord.routes.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the company, title and phone out of a mail's signature, because a prospect who writes in by
 * mail rarely states them anywhere else. Best effort: a line it does not recognise is ignored, and
 * the whole mail stays in the lead's message for a person to read.
 */
final class SignatureBlock {

  private static final Pattern DELIMITER = Pattern.compile("^--\\s?$");
  private static final int MAX_LINES = 8;
  private static final Pattern PHONE_LABEL =
      Pattern.compile(
          "(?i)^(tel(efon|ephone)?|phone|mobile?|mob|cell|fon|direct|office|[tmp])\\.?\\s*[:.]?\\s*");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()./-]{4,}[0-9]");
  // The last word of a company's name in the usual legal forms; case matters ("AG", not "ag").
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "GmbH",
          "AG",
          "SE",
          "KG",
          "OHG",
          "UG",
          "mbH",
          "Ltd",
          "Ltd.",
          "Limited",
          "LLC",
          "LLP",
          "Inc",
          "Inc.",
          "Corp",
          "Corp.",
          "Corporation",
          "plc",
          "PLC",
          "SA",
          "S.A.",
          "SAS",
          "SARL",
          "Srl",
          "S.r.l.",
          "SpA",
          "S.p.A.",
          "BV",
          "B.V.",
          "NV",
          "N.V.",
          "Oy",
          "AB",
          "AS",
          "ASA",
          "ApS");

  private SignatureBlock() {}

  /** Adds {@code company}, {@code title} and {@code phone} found in the text's signature. */
  static void addTo(Map<String, String> fields, String text) {
    for (String line : signature(text)) {
      String stripped = line.strip();
      String[] parts = stripped.split("\\s+\\|\\s+");
      if (parts.length >= 2) {
        // "Ada Lovelace | CTO | Analytical Engines Ltd"
        fields.putIfAbsent("company", parts[parts.length - 1]);
        if (parts.length >= 3) {
          fields.putIfAbsent("title", parts[parts.length - 2]);
        }
      } else if (isCompany(stripped)) {
        fields.putIfAbsent("company", stripped);
      } else {
        String number = PHONE_LABEL.matcher(stripped).replaceFirst("");
        long digits = number.chars().filter(Character::isDigit).count();
        if (PHONE.matcher(number).matches() && digits >= 6 && digits <= 15) {
          fields.putIfAbsent("phone", number);
        }
      }
    }
  }

  /** The lines after {@code -- }, or else the last paragraph if it is short enough to be one. */
  static List<String> signature(String text) {
    List<String> lines = Arrays.asList(text.strip().split("\n"));
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (DELIMITER.matcher(lines.get(i)).matches()) {
        return lines.subList(i + 1, lines.size());
      }
    }
    for (int i = lines.size() - 1; i > 0; i--) {
      if (lines.get(i).isBlank()) {
        List<String> last = lines.subList(i + 1, lines.size());
        return last.size() <= MAX_LINES ? last : List.of();
      }
    }
    return List.of();
  }

  private static boolean isCompany(String line) {
    String[] words = line.split("\\s+");
    return words.length >= 2
        && !line.contains("@")
        && LEGAL_FORMS.contains(words[words.length - 1]);
  }
}
