package dev.accord.routes.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted, normalised lead as it travels on the leads queue: the one shape every channel's
 * input is turned into before anything scores or routes it.
 *
 * @param leadId stable id; the same intake source and external id always give the same one
 * @param intakeSource the authenticated source that sent the lead
 * @param externalId the sender's own id for the lead, if it gave one
 * @param receivedAt when Accord accepted the lead
 * @param email lower-case e-mail address
 * @param country ISO 3166 alpha-2 code, upper case
 * @param phone E.164 phone number, if given
 * @param source lower-case marketing source (e.g. {@code webinar}), if given
 * @param action lower-case action the lead took (e.g. {@code demo-request}), if given
 */
public record IncomingLead(
    UUID leadId,
    String intakeSource,
    String externalId,
    Instant receivedAt,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    Integer employees,
    String country,
    String phone,
    String source,
    String action) {}
