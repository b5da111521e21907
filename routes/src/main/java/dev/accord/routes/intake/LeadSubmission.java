package dev.accord.routes.intake;

import java.math.BigInteger;

/**
 * A submission exactly as the sender typed it, before any check: the common input every channel's
 * parser produces and {@link LeadSubmissionValidator} judges.
 *
 * <p>{@code employees} is a {@link BigInteger} so that an absurd head count is reported as out of
 * range rather than as not a number.
 */
record LeadSubmission(
    String externalId,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    BigInteger employees,
    String country,
    String phone,
    String source,
    String action) {}
