package dev.accord.routes.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Decides whether a submission is a usable lead and brings its values into the one canonical form
 * that rules and reps rely on, whichever channel it came through.
 *
 * <p>Every field is checked before anything is thrown, so one rejection lists all that is wrong.
 */
final class LeadSubmissionValidator {

  private static final int EXTERNAL_ID_MAX = 100;
  private static final int EMAIL_MAX = 254;
  private static final int NAME_MAX = 100;
  private static final int COMPANY_MAX = 200;
  private static final int TITLE_MAX = 150;
  // Longer than any country name, short enough to quote back in an error.
  private static final int COUNTRY_MAX = 100;
  private static final int PHONE_MAX = 40;
  private static final int TAG_MAX = 50;
  private static final int INDUSTRY_MAX = 100;
  private static final int MESSAGE_MAX = 5000;
  static final int ATTRIBUTES_MAX = 20;
  private static final int ATTRIBUTE_VALUE_MAX = 500;
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
  // Control characters (CR and LF among them) could forge headers in the mails that quote a lead,
  // and nothing a person types into a one-line field needs them.
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
  private static final Pattern CONTROL_BUT_LINE_BREAKS =
      Pattern.compile("[\\p{Cc}&&[^\\n\\t]]+|\\u2028|\\u2029");
  private static final BigInteger EMPLOYEES_MIN = BigInteger.ONE;
  private static final BigInteger EMPLOYEES_MAX = BigInteger.valueOf(10_000_000);

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
  private static final EmailValidator EMAIL_ADDRESSES = EmailValidator.getInstance();

  /**
   * @param intakeSource the authenticated sender, set by Accord's own boundary
   * @throws InvalidLeadException listing every field that is wrong
   * @throws IllegalStateException if no intake source was given, which is Accord's bug, not the
   *     sender's
   */
  NormalisedSubmission validate(LeadSubmission submission, String intakeSource) {
    if (intakeSource == null || intakeSource.isBlank()) {
      throw new IllegalStateException(
          "The intake caller must set header " + IntakeHeaders.INTAKE_SOURCE);
    }
    List<FieldError> errors = new ArrayList<>(submission.unreadable());
    String externalId = optional("externalId", submission.externalId(), EXTERNAL_ID_MAX, errors);
    String email = email(submission.email(), errors);
    String firstName = optional("firstName", submission.firstName(), NAME_MAX, errors);
    String lastName = optional("lastName", submission.lastName(), NAME_MAX, errors);
    String company = optional("company", submission.company(), COMPANY_MAX, errors);
    String title = optional("title", submission.title(), TITLE_MAX, errors);
    Integer employees = employees(submission.employees(), errors);
    Optional<String> country = country(submission.country(), errors);
    String phone = phone(submission.phone(), country, errors);
    String source = lowerCase(optional("source", submission.source(), TAG_MAX, errors));
    String action = lowerCase(optional("action", submission.action(), TAG_MAX, errors));
    String industry = optional("industry", submission.industry(), INDUSTRY_MAX, errors);
    String message = message(submission.message(), errors);
    Map<String, String> attributes = attributes(submission.attributes(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidLeadException(errors);
    }
    return new NormalisedSubmission(
        intakeSource,
        externalId,
        email,
        firstName,
        lastName,
        company,
        title,
        employees,
        country.orElseThrow(),
        phone,
        source,
        action,
        industry,
        message,
        attributes);
  }

  private static String message(String raw, List<FieldError> errors) {
    if (raw == null) {
      return null;
    }
    String message =
        CONTROL_BUT_LINE_BREAKS
            .matcher(raw.replace("\r\n", "\n").replace('\r', '\n'))
            .replaceAll("");
    message = message.strip();
    if (message.isEmpty()) {
      return null;
    }
    if (message.codePointCount(0, message.length()) > MESSAGE_MAX) {
      errors.add(new FieldError("message", "is longer than " + MESSAGE_MAX + " characters"));
      return null;
    }
    return message;
  }

  /** Names are lower-cased so that rules match {@code Plan} and {@code plan} alike. */
  private static Map<String, String> attributes(Map<String, String> raw, List<FieldError> errors) {
    if (raw.size() > ATTRIBUTES_MAX) {
      errors.add(new FieldError("attributes", "has more than " + ATTRIBUTES_MAX + " entries"));
      return Map.of();
    }
    Map<String, String> attributes = new TreeMap<>();
    for (Map.Entry<String, String> attribute : raw.entrySet()) {
      String name = attribute.getKey().strip().toLowerCase(Locale.ROOT);
      String field = "attributes." + attribute.getKey();
      if (!ATTRIBUTE_NAME.matcher(name).matches()) {
        errors.add(
            new FieldError(
                "attributes",
                "has a name that is not a letter followed by up to 39 letters, digits, '_' or"
                    + " '-'"));
        continue;
      }
      String value = optional(field, attribute.getValue(), ATTRIBUTE_VALUE_MAX, errors);
      if (value != null && attributes.put(name, value) != null) {
        errors.add(new FieldError(field, "is given twice, in different case"));
      }
    }
    return attributes;
  }

  private static String email(String raw, List<FieldError> errors) {
    if (trimmed(raw) == null) {
      requireUnlessUnreadable("email", errors);
      return null;
    }
    String email = lowerCase(optional("email", raw, EMAIL_MAX, errors));
    if (email != null && !EMAIL_ADDRESSES.isValid(email)) {
      errors.add(new FieldError("email", "is not a valid e-mail address"));
    }
    return email;
  }

  private static Integer employees(BigInteger employees, List<FieldError> errors) {
    if (employees == null) {
      return null;
    }
    if (employees.compareTo(EMPLOYEES_MIN) < 0 || employees.compareTo(EMPLOYEES_MAX) > 0) {
      errors.add(
          new FieldError(
              "employees", "must be between " + EMPLOYEES_MIN + " and " + EMPLOYEES_MAX));
      return null;
    }
    return employees.intValueExact();
  }

  private static Optional<String> country(String raw, List<FieldError> errors) {
    if (trimmed(raw) == null) {
      requireUnlessUnreadable("country", errors);
      return Optional.empty();
    }
    String country = optional("country", raw, COUNTRY_MAX, errors);
    if (country == null) {
      return Optional.empty();
    }
    Optional<String> alpha2 = CountryCodes.alpha2(country);
    if (alpha2.isEmpty()) {
      errors.add(new FieldError("country", "'" + country + "' is not an ISO 3166 country"));
    }
    return alpha2;
  }

  private static String phone(String raw, Optional<String> country, List<FieldError> errors) {
    String phone = optional("phone", raw, PHONE_MAX, errors);
    if (phone == null) {
      return null;
    }
    // A national number cannot be judged without its country, and the country error already
    // tells the sender what to fix.
    if (country.isEmpty() && !phone.startsWith("+")) {
      return null;
    }
    try {
      PhoneNumber number = PHONE_NUMBERS.parse(phone, country.orElse("ZZ"));
      if (!PHONE_NUMBERS.isValidNumber(number)) {
        errors.add(new FieldError("phone", "is not a valid phone number"));
        return null;
      }
      return PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      errors.add(new FieldError("phone", phoneReason(e.getErrorType())));
      return null;
    }
  }

  private static String phoneReason(NumberParseException.ErrorType error) {
    return switch (error) {
      case INVALID_COUNTRY_CODE -> "has no valid country calling code";
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
      case TOO_LONG -> "is too long to be a phone number";
      case NOT_A_NUMBER -> "is not a phone number";
    };
  }

  /** A field the parser could not read is already reported; "is required" would only add noise. */
  private static void requireUnlessUnreadable(String field, List<FieldError> errors) {
    if (errors.stream().noneMatch(error -> error.field().equals(field))) {
      errors.add(new FieldError(field, "is required"));
    }
  }

  /** Trims, treats blank as absent, and reports a value over the limit. */
  private static String optional(String field, String raw, int maxLength, List<FieldError> errors) {
    String value = trimmed(raw);
    if (value != null && value.codePointCount(0, value.length()) > maxLength) {
      errors.add(new FieldError(field, "is longer than " + maxLength + " characters"));
      return null;
    }
    return value;
  }

  private static String trimmed(String raw) {
    if (raw == null) {
      return null;
    }
    String value = CONTROL.matcher(raw).replaceAll(" ").strip();
    return value.isEmpty() ? null : value;
  }

  private static String lowerCase(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
