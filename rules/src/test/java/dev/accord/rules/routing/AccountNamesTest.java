package dev.accord.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ways one company is written all match its account; a free-mail address matches none. */
class AccountNamesTest {

  @Test
  void legalFormsPunctuationCaseAndAccentsDoNotMakeADifferentCompany() {
    assertThat(AccountNames.key("ACME, Inc.")).contains("acme");
    assertThat(AccountNames.key("Acme Inc")).contains("acme");
    assertThat(AccountNames.key("Société Générale S.A.")).contains("societe generale");
    assertThat(AccountNames.key("Nordwind Logistik GmbH & Co. KG")).contains("nordwind logistik");
    assertThat(AccountNames.key("  Hoffmann   Maschinenbau  ")).contains("hoffmann maschinenbau");
    assertThat(AccountNames.key("Müller-Lüdenscheidt & Söhne AG"))
        .contains("muller ludenscheidt sohne");
    assertThat(AccountNames.key("3M Company")).contains("3m");
    assertThat(AccountNames.key("株式会社 トヨタ")).contains("株式会社 トヨタ");
    assertThat(AccountNames.key("Inc.")).isEmpty();
    assertThat(AccountNames.key(null)).isEmpty();
  }

  @Test
  void keysAreWhatTheRegularExpressionsMadeBefore() {
    String[] pieces = {
      "ACME", "Inc.", "inc", "S.A.", "Société", "Générale", "&", ",", " ", "  ", "-", "GmbH",
      "Co.", "KG", "3M", "²", "Ⅻ", "株式会社", "トヨタ", "İstanbul", "Øresund", "𝔄𝔟𝔠", "the", "AND",
      "e\u0301", "'", "/", "ſ"
    };
    Random random = new Random(5);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int p = random.nextInt(6); p >= 0; p--) {
        name.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          name.append(' ');
        }
      }
      Optional<String> expected = keyAsBefore(name.toString());
      if (!AccountNames.key(name.toString()).equals(expected)) {
        disagreements.add("'" + name + "': before " + expected);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  // How key() worked before: normalise, strip marks, lower case, split with regular expressions.
  private static Optional<String> keyAsBefore(String companyName) {
    String plain =
        Normalizer.normalize(companyName, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace(".", "")
            .replace("&", " and ");
    Set<String> legalForms = Set.of("inc", "gmbh", "co", "kg", "sa", "the", "and");
    String key =
        Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
            .filter(word -> !word.isEmpty() && !legalForms.contains(word))
            .collect(Collectors.joining(" "));
    return key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  @Test
  void aCompanyAddressGivesItsDomainAndAFreeMailAddressNone() {
    assertThat(AccountNames.companyDomain("greta@Hoffmann-Maschinenbau.DE"))
        .contains("hoffmann-maschinenbau.de");
    assertThat(AccountNames.companyDomain("greta.hoffmann@gmail.com")).isEmpty();
    assertThat(AccountNames.companyDomain("someone@web.de")).isEmpty();
    assertThat(AccountNames.companyDomain("not-an-address")).isEmpty();
    assertThat(AccountNames.domain(" @WWW.Acme.example ")).isEqualTo("acme.example");
  }
}
