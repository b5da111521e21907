package dev.accord.routes.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;
import org.apache.commons.validator.routines.EmailValidator;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The Bean Validation constraints a lead's fields need beyond the standard ones, each backed by the
 * library that knows the subject: commons-validator for e-mail addresses, Accord's fixed ISO 3166
 * table for countries, libphonenumber for phone numbers.
 */
public final class LeadConstraints {

  private LeadConstraints() {}

  /** An e-mail address a mail server would take (host with a real top-level domain). */
  @Target(FIELD)
  @Retention(RUNTIME)
  @Constraint(validatedBy = EmailAddressValidator.class)
  public @interface EmailAddress {
    String message() default "is not a valid e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** A country as ISO 3166 alpha-2 or alpha-3 code, English name or common alias. */
  @Target(FIELD)
  @Retention(RUNTIME)
  @Constraint(validatedBy = CountryValidator.class)
  public @interface Country {
    String message() default "'{country}' is not an ISO 3166 country";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /**
   * The phone number is valid for the lead's country (or carries its own calling code). Judged on
   * the whole lead, because a national number means nothing without its country.
   */
  @Target(TYPE)
  @Retention(RUNTIME)
  @Constraint(validatedBy = PhoneForCountryValidator.class)
  public @interface PhoneForCountry {
    String message() default "is not a valid phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Checks {@link EmailAddress}; an absent address is {@code @NotNull}'s to report. */
  public static final class EmailAddressValidator
      implements ConstraintValidator<EmailAddress, String> {

    private static final EmailValidator EMAIL_ADDRESSES = EmailValidator.getInstance();

    @Override
    public boolean isValid(String email, ConstraintValidatorContext context) {
      return email == null || EMAIL_ADDRESSES.isValid(email.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Checks {@link Country}, quoting the value so the sender sees what was not understood. */
  public static final class CountryValidator implements ConstraintValidator<Country, String> {

    @Override
    public boolean isValid(String country, ConstraintValidatorContext context) {
      if (country == null || CountryCodes.alpha2(country).isPresent()) {
        return true;
      }
      // A message parameter is inserted as text, never interpreted as a message template.
      context
          .unwrap(HibernateConstraintValidatorContext.class)
          .addMessageParameter("country", country);
      return false;
    }
  }

  /**
   * Checks {@link PhoneForCountry} and reports it on the phone field with libphonenumber's reason.
   */
  public static final class PhoneForCountryValidator
      implements ConstraintValidator<PhoneForCountry, LeadSubmission> {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    @Override
    public boolean isValid(LeadSubmission lead, ConstraintValidatorContext context) {
      String phone = lead.phone();
      Optional<String> country =
          lead.country() == null ? Optional.empty() : CountryCodes.alpha2(lead.country());
      // Too long is @Size's to report; a national number cannot be judged without its country,
      // and the country's own error already tells the sender what to fix.
      if (phone == null
          || phone.length() > LeadSubmission.PHONE_MAX
          || (country.isEmpty() && !phone.startsWith("+"))) {
        return true;
      }
      String reason = reason(phone, country.orElse("ZZ"));
      if (reason == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .unwrap(HibernateConstraintValidatorContext.class)
          .addMessageParameter("reason", reason)
          .buildConstraintViolationWithTemplate("{reason}")
          .addPropertyNode("phone")
          .addConstraintViolation();
      return false;
    }

    /** Why the number is not valid, or null if it is. */
    static String reason(String phone, String region) {
      try {
        PhoneNumber number = PHONE_NUMBERS.parse(phone, region);
        return PHONE_NUMBERS.isValidNumber(number) ? null : "is not a valid phone number";
      } catch (NumberParseException e) {
        return switch (e.getErrorType()) {
          case INVALID_COUNTRY_CODE -> "has no valid country calling code";
          case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
          case TOO_LONG -> "is too long to be a phone number";
          case NOT_A_NUMBER -> "is not a phone number";
        };
      }
    }
  }
}
