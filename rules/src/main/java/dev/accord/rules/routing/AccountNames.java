package dev.accord.rules.routing;

import dev.accord.rules.lead.WordCharacters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a lead is matched to an account: by its e-mail domain unless anyone can sign up there, and by
 * its company name brought to one form ("ACME, Inc." and "Acme Inc" are {@code acme}).
 */
public final class AccountNames {

  // Legal forms (and "the", "and") say nothing about which company it is.
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "corp",
          "corporation",
          "co",
          "company",
          "ltd",
          "limited",
          "llc",
          "llp",
          "plc",
          "gmbh",
          "mbh",
          "ag",
          "kg",
          "se",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "bv",
          "nv",
          "ab",
          "as",
          "asa",
          "oy",
          "oyj",
          "pty",
          "pte",
          "kk",
          "sl",
          "the",
          "and");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final Set<String> FREE_MAIL = freeMailDomains();

  private AccountNames() {}

  /**
   * The company name as accounts are matched by: accents dropped, lower case, dots removed (so
   * "S.A." and "Co." are one word), split at anything but letters and digits, legal forms left out;
   * empty if nothing is left of it.
   */
  public static Optional<String> key(String companyName) {
    if (companyName == null) {
      return Optional.empty();
    }
    String plain =
        (isAscii(companyName)
                ? companyName
                : MARKS
                    .matcher(Normalizer.normalize(companyName, Normalizer.Form.NFD))
                    .replaceAll(""))
            .toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(plain.length());
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= plain.length(); i++) {
      char c = i < plain.length() ? plain.charAt(i) : ' ';
      if (c == '.') {
        continue;
      }
      if (i < plain.length() && WordCharacters.isWordCharacter(plain, i)) {
        word.append(c);
      } else if (!word.isEmpty()) {
        String finished = word.toString();
        if (!LEGAL_FORMS.contains(finished)) {
          key.append(key.isEmpty() ? "" : " ").append(finished);
        }
        word.setLength(0);
      }
    }
    return key.isEmpty() ? Optional.empty() : Optional.of(key.toString());
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The company domain of an e-mail address; empty for free-mail and malformed addresses. */
  public static Optional<String> companyDomain(String email) {
    if (email == null || email.indexOf('@') < 0) {
      return Optional.empty();
    }
    String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    return domain.isEmpty() || FREE_MAIL.contains(domain) ? Optional.empty() : Optional.of(domain);
  }

  /** A domain as an account stores it: lower case, without a leading "www." or "@". */
  public static String domain(String domain) {
    String plain = domain.strip().toLowerCase(Locale.ROOT);
    plain = plain.startsWith("@") ? plain.substring(1) : plain;
    return plain.startsWith("www.") ? plain.substring(4) : plain;
  }

  private static Set<String> freeMailDomains() {
    Set<String> domains = new HashSet<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                AccountNames.class.getResourceAsStream("free-mail-domains.txt"),
                StandardCharsets.UTF_8))) {
      lines
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(domains::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(domains);
  }
}
