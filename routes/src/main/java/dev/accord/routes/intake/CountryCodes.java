package dev.accord.routes.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Recognises a country however a web form wrote it (alpha-2, alpha-3, English name, or a common
 * alias such as {@code UK}, {@code USA} or {@code Deutschland}) and answers the ISO 3166 alpha-2
 * code that routing and territory rules compare against.
 *
 * <p>The countries come from {@code iso3166.tsv} and the aliases from {@code country-aliases.tsv}
 * beside this class: a fixed copy, so a country Accord accepts today is still accepted after a JDK
 * upgrade that renames it.
 */
final class CountryCodes {

  private static final Map<String, String> ALPHA2_BY_CODE = new HashMap<>();
  private static final Map<String, String> ALPHA2_BY_NAME = new HashMap<>();

  static {
    read(
        "iso3166.tsv",
        (columns, line) -> {
          String alpha2 = columns[0];
          ALPHA2_BY_CODE.put(alpha2, alpha2);
          ALPHA2_BY_CODE.put(columns[1], alpha2);
          ALPHA2_BY_NAME.put(nameKey(columns[2]), alpha2);
          // "Myanmar (Burma)" is also known as plain "Myanmar".
          ALPHA2_BY_NAME.putIfAbsent(nameKey(columns[2].replaceAll("\\(.*?\\)", "")), alpha2);
        });
    read(
        "country-aliases.tsv",
        (columns, line) -> {
          if (!ALPHA2_BY_CODE.containsKey(columns[1])) {
            throw new IllegalStateException(
                "country-aliases.tsv line " + line + ": " + columns[1] + " is not a country");
          }
          ALPHA2_BY_NAME.put(nameKey(columns[0]), columns[1]);
        });
  }

  private CountryCodes() {}

  /** The alpha-2 code for a trimmed country code or name, or empty if it names no country. */
  static Optional<String> alpha2(String country) {
    String code = ALPHA2_BY_CODE.get(country.toUpperCase(Locale.ROOT));
    return code != null
        ? Optional.of(code)
        : Optional.ofNullable(ALPHA2_BY_NAME.get(nameKey(country)));
  }

  private static void read(String resource, BiConsumer<String[], Integer> row) {
    try (InputStream in = CountryCodes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        row.accept(line.split("\t"), number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
