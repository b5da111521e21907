package dev.accord.routes.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A submission as the sender wrote it, cleaned of what no field may hold (surrounding blanks,
 * control characters) but not yet judged: the common input every channel's JSON becomes, and what
 * its Bean Validation constraints judge.
 *
 * <p>{@code employees} is a {@link BigInteger} so that an absurd head count is reported as out of
 * range rather than as not a number. {@code unreadable} lists the fields the parser could not read
 * (wrong type, unknown name); they are left null here and reported together with the constraint
 * violations, so one rejection names everything that is wrong. Messages follow the field name.
 */
@LeadConstraints.PhoneForCountry
record LeadSubmission(
    @Size(max = 100, message = TOO_LONG) String externalId,
    @NotNull(message = REQUIRED) @Size(max = 254, message = TOO_LONG) @LeadConstraints.EmailAddress
        String email,
    @Size(max = 100, message = TOO_LONG) String firstName,
    @Size(max = 100, message = TOO_LONG) String lastName,
    @Size(max = 200, message = TOO_LONG) String company,
    @Size(max = 150, message = TOO_LONG) String title,
    @Min(value = 1, message = EMPLOYEES_RANGE) @Max(value = 10_000_000, message = EMPLOYEES_RANGE)
        BigInteger employees,
    // Longer than any country name, short enough to quote back in an error.
    @NotNull(message = REQUIRED) @Size(max = 100, message = TOO_LONG) @LeadConstraints.Country
        String country,
    @Size(max = PHONE_MAX, message = TOO_LONG) String phone,
    @Size(max = 50, message = TOO_LONG) String source,
    @Size(max = 50, message = TOO_LONG) String action,
    @Size(max = 100, message = TOO_LONG) String industry,
    @Size(max = 5000, message = TOO_LONG) String message,
    @Size(max = 20, message = "has more than {max} entries")
        Map<
                @Pattern(
                    regexp = "[a-z][a-z0-9_-]{0,39}",
                    message =
                        "has a name that is not a letter followed by up to 39 letters, digits,"
                            + " '_' or '-'")
                String,
                @Size(max = 500, message = TOO_LONG) String>
            attributes,
    List<FieldError> unreadable) {

  /** The fields of a lead as the JSON API names them, in the order errors are reported. */
  static final List<String> FIELDS =
      List.of(
          "externalId",
          "email",
          "firstName",
          "lastName",
          "company",
          "title",
          "employees",
          "country",
          "phone",
          "source",
          "action",
          "industry",
          "message",
          "attributes");

  static final String TOO_LONG = "is longer than {max} characters";
  static final String REQUIRED = "is required";
  static final String EMPLOYEES_RANGE = "must be between 1 and 10000000";
  static final int PHONE_MAX = 40;

  LeadSubmission {
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
    unreadable = List.copyOf(unreadable);
  }
}
