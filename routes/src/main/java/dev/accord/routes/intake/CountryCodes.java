package dev.accord.routes.intake;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a country however a web form wrote it (alpha-2, alpha-3 or English name) and answers
 * the ISO 3166 alpha-2 code that routing and territory rules compare against.
 *
 * <p>The country list and names come from the JDK, so they follow the JDK's ISO 3166 data without a
 * table of our own to maintain.
 */
final class CountryCodes {

  private static final Map<String, String> ALPHA2_BY_CODE = new HashMap<>();
  private static final Map<String, String> ALPHA2_BY_NAME = new HashMap<>();

  static {
    for (String alpha2 : Locale.getISOCountries()) {
      Locale country = new Locale("", alpha2);
      ALPHA2_BY_CODE.put(alpha2, alpha2);
      ALPHA2_BY_CODE.put(country.getISO3Country(), alpha2);
      String name = country.getDisplayCountry(Locale.ENGLISH);
      ALPHA2_BY_NAME.put(nameKey(name), alpha2);
      // "Myanmar (Burma)" is also known as plain "Myanmar".
      ALPHA2_BY_NAME.putIfAbsent(nameKey(name.replaceAll("\\(.*?\\)", "")), alpha2);
    }
  }

  private CountryCodes() {}

  /** The alpha-2 code for a trimmed country code or name, or empty if it names no country. */
  static Optional<String> alpha2(String country) {
    String code = ALPHA2_BY_CODE.get(country.toUpperCase(Locale.ROOT));
    return code != null
        ? Optional.of(code)
        : Optional.ofNullable(ALPHA2_BY_NAME.get(nameKey(country)));
  }

  // The JDK writes "St. Kitts & Nevis" and "Côte d’Ivoire"; people type "Saint Kitts and Nevis"
  // and "Cote d'Ivoire". Both sides are reduced to the same plain key.
  private static String nameKey(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain
        .toLowerCase(Locale.ROOT)
        .replace(".", "")
        .replace("&", " and ")
        .replaceAll("\\bst\\b", "saint")
        .replaceAll("[^a-z0-9]+", " ")
        .strip();
  }
}
