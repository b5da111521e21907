package dev.accord.routes.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Decides whether a submission is a usable lead, by the Bean Validation constraints on {@link
 * LeadSubmission}, and brings its values into the one canonical form that rules and reps rely on,
 * whichever channel it came through.
 *
 * <p>Every constraint is checked before anything is thrown, so one rejection lists all that is
 * wrong, in the order of the fields in a lead.
 */
final class LeadSubmissionValidator {

  // Hibernate Validator by name, and messages without an expression language: the same validator
  // in a unit test, in a Camel thread of the server and in any class loader.
  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

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
    for (ConstraintViolation<LeadSubmission> violation : VALIDATOR.validate(submission)) {
      FieldError error = new FieldError(field(violation.getPropertyPath()), violation.getMessage());
      // A field the parser could not read is already reported; "is required" would only add
      // noise.
      boolean unreadable =
          submission.unreadable().stream().anyMatch(u -> u.field().equals(error.field()));
      if (!unreadable) {
        errors.add(error);
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(LeadSubmissionValidator::position));
      throw new InvalidLeadException(errors);
    }
    String country = CountryCodes.alpha2(submission.country()).orElseThrow();
    return new NormalisedSubmission(
        intakeSource,
        submission.externalId(),
        lowerCase(submission.email()),
        submission.firstName(),
        submission.lastName(),
        submission.company(),
        submission.title(),
        submission.employees() == null ? null : submission.employees().intValueExact(),
        country,
        e164(submission.phone(), country),
        lowerCase(submission.source()),
        lowerCase(submission.action()),
        submission.industry(),
        submission.message(),
        new TreeMap<>(submission.attributes()));
  }

  /**
   * The field as the sender named it: {@code email}, or for custom attributes {@code attributes} (a
   * bad name) or {@code attributes.<name>} (a bad value).
   */
  private static String field(Path path) {
    Iterator<Path.Node> nodes = path.iterator();
    String field = nodes.hasNext() ? nodes.next().getName() : null;
    if (field == null) {
      return "body";
    }
    if (nodes.hasNext()) {
      Path.Node element = nodes.next();
      if ("<map value>".equals(element.getName()) && element.getKey() != null) {
        return field + "." + element.getKey();
      }
    }
    return field;
  }

  private static int position(FieldError error) {
    String field = error.field();
    int dot = field.indexOf('.');
    int position = LeadSubmission.FIELDS.indexOf(dot < 0 ? field : field.substring(0, dot));
    return position < 0 ? -1 : position;
  }

  /** A number the constraints accepted, in E.164; {@code +} numbers need no country. */
  private static String e164(String phone, String country) {
    if (phone == null) {
      return null;
    }
    try {
      return PHONE_NUMBERS.format(PHONE_NUMBERS.parse(phone, country), PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new IllegalStateException("A phone number the constraints accepted did not parse", e);
    }
  }

  private static String lowerCase(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
