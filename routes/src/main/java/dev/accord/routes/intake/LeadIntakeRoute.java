package dev.accord.routes.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP/JSON intake flow: turns a raw JSON submission from an authenticated source into a
 * validated {@link IncomingLead} on the leads queue, or into an {@link InvalidLeadException} for
 * the waiting caller.
 *
 * <p>The caller sends the request body (a {@code String} or {@code byte[]}) with header {@link
 * IntakeHeaders#INTAKE_SOURCE}; it gets back the {@link IncomingLead} as body and its id in header
 * {@link IntakeHeaders#LEAD_ID}. Requires {@link IntakeRouteConfiguration} in the same context.
 */
public final class LeadIntakeRoute extends RouteBuilder {

  static final String ROUTE_ID = "lead-intake";

  // The body becomes the lead's JSON for the queue; the caller wants the lead itself back.
  private static final String ACCEPTED_LEAD = "AccordAcceptedLead";

  private final IntakeEndpoints endpoints;
  private final Clock clock;
  private final LeadSubmissionParser parser = new LeadSubmissionParser();
  private final LeadSubmissionValidator validator = new LeadSubmissionValidator();

  private final Duration contentKeyWindow;

  public LeadIntakeRoute(IntakeEndpoints endpoints, Clock clock) {
    this(endpoints, clock, Duration.ofDays(30));
  }

  /**
   * @param contentKeyWindow how long a lead sent with neither externalId nor idempotency key is
   *     recognised by its content: a retry within it is the same lead, the same content sent again
   *     months later is a new engagement (the merge window is the natural choice)
   */
  public LeadIntakeRoute(IntakeEndpoints endpoints, Clock clock, Duration contentKeyWindow) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (contentKeyWindow.isNegative() || contentKeyWindow.isZero()) {
      throw new IllegalArgumentException("contentKeyWindow must be positive");
    }
    this.contentKeyWindow = contentKeyWindow;
  }

  @Override
  public void configure() {
    from(endpoints.intake())
        .routeId(ROUTE_ID)
        .routeConfigurationId(IntakeRouteConfiguration.ID)
        .process(this::parseLead)
        .id("parse-lead")
        .process(this::validateAndNormalise)
        .id("validate-and-normalise")
        .process(this::assignLeadId)
        .id("assign-lead-id")
        .process(this::encodeLead)
        .id("encode-lead")
        // InOnly even though the HTTP caller waits for an answer: the queue owes no reply.
        .to(ExchangePattern.InOnly, endpoints.leadsQueue())
        .id("queue-lead")
        .setBody(exchangeProperty(ACCEPTED_LEAD))
        .id("answer-with-lead");
  }

  private void parseLead(Exchange exchange) {
    Message message = exchange.getMessage();
    LeadSubmission submission =
        message.getBody() instanceof String json
            ? parser.parse(json)
            : parser.parse(message.getBody(byte[].class));
    message.setBody(submission);
  }

  private void validateAndNormalise(Exchange exchange) {
    Message message = exchange.getMessage();
    message.setBody(
        validator.validate(
            message.getBody(LeadSubmission.class),
            message.getHeader(IntakeHeaders.INTAKE_SOURCE, String.class)));
  }

  private void assignLeadId(Exchange exchange) {
    Message message = exchange.getMessage();
    NormalisedSubmission submission = message.getBody(NormalisedSubmission.class);
    String idempotencyKey = message.getHeader(IntakeHeaders.IDEMPOTENCY_KEY, String.class);
    // Microseconds, as the lead store keeps it: the stored lead and a redelivered message must
    // carry the very same instant, or a redelivery would look like a new submission.
    Instant receivedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    UUID leadId;
    if (submission.externalId() != null) {
      leadId = LeadIds.forSubmission(submission.intakeSource(), submission.externalId());
    } else if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      leadId = LeadIds.forIdempotencyKey(submission.intakeSource(), idempotencyKey.strip());
    } else {
      // The normalised content, not the raw bytes: a retry that differs only in spacing or case
      // is still the same lead.
      // Time is counted in windows from the epoch: a retry that straddles a window's end makes a
      // second submission, which the person merge then takes as engagement, not as a new lead.
      long window = receivedAt.getEpochSecond() / contentKeyWindow.toSeconds();
      leadId =
          LeadIds.forContent(
              submission.intakeSource(), window, IncomingLeadCodec.canonicalBytes(submission));
    }
    String channel = message.getHeader(IntakeHeaders.CHANNEL, "api", String.class);
    message.setBody(
        submission.accept(
            leadId,
            receivedAt,
            channel,
            message.getHeader(IntakeHeaders.CHANNEL_REFERENCE, String.class)));
    // The header's name is a valid JMS property name, so consumers can select on it.
    message.setHeader(IntakeHeaders.LEAD_ID, leadId.toString());
  }

  private void encodeLead(Exchange exchange) {
    IncomingLead lead = exchange.getMessage().getBody(IncomingLead.class);
    exchange.setProperty(ACCEPTED_LEAD, lead);
    // A String body makes camel-jms send a TextMessage, readable by any consumer.
    exchange.getMessage().setBody(IncomingLeadCodec.toJson(lead));
  }
}
