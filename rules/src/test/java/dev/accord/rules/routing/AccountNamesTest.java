package dev.accord.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(AccountNames.key("Inc.")).isEmpty();
    assertThat(AccountNames.key(null)).isEmpty();
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
