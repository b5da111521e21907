package dev.accord.routes.mail;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the country of a lead that did not state it, because routing needs one and a person who
 * writes a plain mail never says where they are. The phone's calling code is the better witness;
 * the e-mail domain's country TLD is the fallback.
 */
final class CountryHint {

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  // Country TLDs sold worldwide as generic names: they say nothing about where the sender is.
  private static final Set<String> GENERIC_COUNTRY_TLDS =
      Set.of(
          "ac", "ai", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "sh", "so", "to", "tv", "vc",
          "ws");

  private CountryHint() {}

  /**
   * @param phone a phone as written, used only when it has an international {@code +} prefix
   * @param email an e-mail address
   * @return an ISO 3166 alpha-2 code, or empty
   */
  static Optional<String> of(String phone, String email) {
    return fromPhone(phone).or(() -> fromDomain(email));
  }

  private static Optional<String> fromPhone(String phone) {
    if (phone == null || !phone.strip().startsWith("+")) {
      return Optional.empty();
    }
    try {
      String region = PHONE_NUMBERS.getRegionCodeForNumber(PHONE_NUMBERS.parse(phone, "ZZ"));
      return region != null && COUNTRIES.contains(region) ? Optional.of(region) : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> fromDomain(String email) {
    if (email == null || email.lastIndexOf('.') < email.lastIndexOf('@')) {
      return Optional.empty();
    }
    String tld = email.substring(email.lastIndexOf('.') + 1).strip().toLowerCase(Locale.ROOT);
    if (tld.equals("uk")) {
      return Optional.of("GB");
    }
    String country = tld.toUpperCase(Locale.ROOT);
    return tld.length() == 2 && !GENERIC_COUNTRY_TLDS.contains(tld) && COUNTRIES.contains(country)
        ? Optional.of(country)
        : Optional.empty();
  }
}
