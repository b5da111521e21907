package dev.accord.routes.partners;

import dev.accord.routes.intake.IntakeHeaders;
import dev.accord.routes.intake.InvalidLeadException;
import dev.accord.routes.intake.Quarantine;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * A partner's JMS feed ({@code partner-jms-<id>}): each message on the partner's queue is one lead
 * as a JSON object in the partner's field names (a text or bytes message), handed to the intake
 * endpoint.
 *
 * <p>The message is consumed in a local JMS transaction on the component named {@code jms}. The
 * intake flow queues the accepted lead through the same component, so taking the partner's message
 * and queueing the lead commit or roll back together. A message that is not a usable lead is
 * quarantined and consumed, since redelivering it cannot make it valid; any other failure rolls
 * back, and the broker delivers the message again.
 *
 * <p>The idempotency key is {@code jms:} plus the partner's {@code AccordIdempotencyKey} property
 * when set, else the JMS message id: a redelivered message becomes the same lead.
 */
public final class PartnerQueueRoute extends RouteBuilder {

  private static final String JMS_MESSAGE_ID = "JMSMessageID";
  private static final String MESSAGE_TEXT = "AccordPartnerMessageText";
  private static final String MESSAGE_KEY = "AccordPartnerMessageKey";
  private static final int QUARANTINED_MESSAGE_CHARS = 64 * 1024;

  private final PartnerSettings partner;
  private final String intakeEndpoint;
  private final Quarantine quarantine;

  public PartnerQueueRoute(PartnerSettings partner, String intakeEndpoint, Quarantine quarantine) {
    this.partner = Objects.requireNonNull(partner, "partner");
    this.intakeEndpoint = Objects.requireNonNull(intakeEndpoint, "intakeEndpoint");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
  }

  // A lead is a few hundred bytes; anything this large is a mistake.
  private static final int MAX_MESSAGE_CHARS = 64 * 1024;

  @Override
  public void configure() {
    if (partner.queue() == null) {
      return;
    }
    String routeId = "partner-jms-" + partner.id();
    // disableReplyTo: a partner's JMSReplyTo must not turn the intake into request/reply.
    from("jms:queue:" + partner.queue() + "?transacted=true&disableReplyTo=true")
        .routeId(routeId)
        // Without an error handler every other failure reaches the JMS consumer, which rolls back.
        .errorHandler(noErrorHandler())
        .doTry()
        .process(this::asLead)
        .id(routeId + "-message-as-lead")
        .to(intakeEndpoint)
        .id(routeId + "-hand-message-to-intake")
        .doCatch(InvalidLeadException.class, UnreadableInputException.class)
        .process(this::hold)
        .id(routeId + "-quarantine-message")
        .end();
  }

  /** Only the headers set here reach intake: a partner's JMS properties must not pose as ours. */
  private void asLead(Exchange exchange) {
    Message message = exchange.getMessage();
    String messageId = message.getHeader(JMS_MESSAGE_ID, String.class);
    String partnerKey = message.getHeader(IntakeHeaders.IDEMPOTENCY_KEY, String.class);
    String key = "jms:" + (partnerKey == null || partnerKey.isBlank() ? messageId : partnerKey);
    Object body = message.getBody();
    String text =
        body instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.UTF_8)
            : body instanceof String string ? string : null;
    exchange.setProperty(MESSAGE_KEY, key);
    exchange.setProperty(MESSAGE_TEXT, text == null ? "" : text);
    message.removeHeaders("*");
    message.setHeader(IntakeHeaders.CHANNEL_REFERENCE, messageId);
    if (text != null && text.length() > MAX_MESSAGE_CHARS) {
      exchange.setProperty(MESSAGE_TEXT, text.substring(0, 1000));
      throw new UnreadableInputException(
          "is longer than " + MAX_MESSAGE_CHARS / 1024 + " KiB, which no lead is");
    }
    if (text == null) {
      throw new UnreadableInputException("is not a text or bytes message");
    }
    message.setHeader(IntakeHeaders.INTAKE_SOURCE, partner.source());
    message.setHeader(IntakeHeaders.CHANNEL, "jms");
    message.setHeader(IntakeHeaders.IDEMPOTENCY_KEY, key);
    message.setBody(partner.mapping().toLeadJson(JsonFields.read(text)));
  }

  private void hold(Exchange exchange) {
    String text = exchange.getProperty(MESSAGE_TEXT, String.class);
    quarantine.hold(
        new Quarantine.Quarantined(
            "jms",
            partner.source(),
            exchange.getMessage().getHeader(IntakeHeaders.CHANNEL_REFERENCE, String.class),
            exchange.getProperty(MESSAGE_KEY, String.class),
            RejectionReason.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)),
            text.substring(0, Math.min(text.length(), QUARANTINED_MESSAGE_CHARS))));
  }
}
