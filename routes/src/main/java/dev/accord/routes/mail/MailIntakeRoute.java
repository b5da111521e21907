package dev.accord.routes.mail;

import dev.accord.routes.intake.FieldError;
import dev.accord.routes.intake.IntakeHeaders;
import dev.accord.routes.intake.InvalidLeadException;
import dev.accord.routes.intake.Quarantine;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail channel for one mailbox: polls it over IMAP and hands each mail to the intake flow as
 * a lead, so a prospect's mail or a form tool's notification is routed like any other lead.
 *
 * <p>A mail leaves the polled folder only when its fate is certain: to the done folder once the
 * intake flow has queued its lead, to the quarantine folder (and {@link Quarantine}) when it cannot
 * be read or is not a valid lead. Any other failure (intake or broker down) leaves it untouched, so
 * the next poll tries it again; a lead's id comes from the mail's Message-ID, so a retry never
 * makes a second lead. A bad mail therefore neither stops the route nor comes back on every poll.
 */
public final class MailIntakeRoute extends RouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(MailIntakeRoute.class);
  private static final String CHANNEL = "mail";
  private static final String RAW_MAIL = "AccordRawMail";
  private static final String FOLDERS = "AccordMailFolders";

  private final MailboxSettings mailbox;
  private final String intakeEndpoint;
  private final Quarantine quarantine;
  private final MailLeadReader reader;
  private final MailFolders folders;
  // Parsing a mail held in memory needs a session but no server.
  private final Session parsing = Session.getInstance(new Properties());

  public MailIntakeRoute(MailboxSettings mailbox, String intakeEndpoint, Quarantine quarantine) {
    this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    this.intakeEndpoint = Objects.requireNonNull(intakeEndpoint, "intakeEndpoint");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
    this.reader = new MailLeadReader(mailbox.mapping());
    this.folders = new MailFolders(mailbox.doneFolder(), mailbox.quarantineFolder());
  }

  /** The route's id, {@code mail-intake-<source>}, so each mailbox can be told apart. */
  public String routeId() {
    return "mail-intake-" + mailbox.source();
  }

  @Override
  public void configure() {
    from(mailboxEndpoint())
        .routeId(routeId())
        // A failure must reach the mail consumer, which then leaves the mail where it is; Camel's
        // redelivery would only hammer a service that is down, and its error log could quote a
        // mail.
        .errorHandler(noErrorHandler())
        .process(this::fetchMail)
        .id("fetch-mail")
        .doTry()
        .process(this::readLead)
        .id("read-lead")
        .to(ExchangePattern.InOut, intakeEndpoint)
        .id("hand-lead-to-intake")
        .process(exchange -> fileInto(exchange, folders(exchange).done()))
        .id("file-into-done")
        .doCatch(UnreadableMailException.class, InvalidLeadException.class)
        .process(this::quarantineMail)
        .id("quarantine-mail")
        .end();
  }

  /**
   * Peek so the mail stays unread until processed; poll seen mails too, since a person may have
   * opened one in the mailbox before Accord took it; no Camel mapping of the mail, which would fail
   * on broken MIME before the route could quarantine it. camel-mail moves a mail after a successful
   * exchange to the folder named in its {@link MailConstants#MAIL_MOVE_TO} header and closes the
   * folder with expunge at the end of each poll.
   */
  private MailEndpoint mailboxEndpoint() {
    // The user and folder make the URI, and so the endpoint, one per mailbox.
    String uri =
        "%s://%s:%d?username=%s&folderName=%s"
                .formatted(
                    mailbox.protocol(),
                    mailbox.host(),
                    mailbox.port(),
                    URLEncoder.encode(mailbox.user(), StandardCharsets.UTF_8),
                    URLEncoder.encode(mailbox.folder(), StandardCharsets.UTF_8))
            + "&peek=true&unseen=false&delete=false&closeFolder=true&mapMailMessage=false"
            + "&initialDelay=0&delay="
            + mailbox.pollMillis();
    MailEndpoint endpoint = getContext().getEndpoint(uri, MailEndpoint.class);
    // Set apart from the URI so the password appears in no endpoint URI or log line.
    endpoint.getConfiguration().setPassword(mailbox.password());
    return endpoint;
  }

  /** Network failures here leave the mail for the next poll. */
  private void fetchMail(Exchange exchange) throws MessagingException, IOException {
    Message mail = exchange.getIn(MailMessage.class).getOriginalMessage();
    exchange.setProperty(FOLDERS, folders.on(mail.getFolder()));
    // One byte over the limit is enough to know the mail is too large.
    long keep = Math.max(mailbox.maxBytes() + 1, RawMail.QUARANTINE_CONTENT_MAX);
    exchange.setProperty(RAW_MAIL, RawMail.capture(mail, keep));
    // A fresh message: none of the mail's own headers travel on with the lead.
    exchange.setIn(new DefaultMessage(exchange));
  }

  private void readLead(Exchange exchange) throws UnreadableMailException {
    RawMail raw = exchange.getProperty(RAW_MAIL, RawMail.class);
    if (raw.size() > mailbox.maxBytes()) {
      throw new UnreadableMailException(
          "the mail is larger than the " + mailbox.maxBytes() + " bytes allowed");
    }
    MimeMessage mail;
    try {
      mail = new MimeMessage(parsing, new ByteArrayInputStream(raw.bytes()));
    } catch (MessagingException e) {
      throw new UnreadableMailException("the mail's MIME structure is broken", e);
    }
    byte[] lead = reader.read(mail).toString().getBytes(StandardCharsets.UTF_8);
    org.apache.camel.Message message = exchange.getIn();
    message.setHeader(IntakeHeaders.INTAKE_SOURCE, mailbox.source());
    message.setHeader(IntakeHeaders.CHANNEL, CHANNEL);
    message.setHeader(IntakeHeaders.CHANNEL_REFERENCE, raw.reference());
    message.setHeader(IntakeHeaders.IDEMPOTENCY_KEY, raw.idempotencyKey());
    message.setBody(lead);
  }

  private void quarantineMail(Exchange exchange) {
    RawMail raw = exchange.getProperty(RAW_MAIL, RawMail.class);
    String reason = reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    quarantine.hold(
        new Quarantine.Quarantined(
            CHANNEL,
            mailbox.source(),
            raw.reference(),
            raw.idempotencyKey(),
            reason,
            raw.quarantineContent()));
    fileInto(exchange, folders(exchange).quarantine());
    LOG.info("Mail {} from mailbox {} quarantined: {}", raw.reference(), mailbox.source(), reason);
  }

  /** Field errors and unreadable-mail reasons are written to name no personal data. */
  private static String reason(Exception caught) {
    if (caught instanceof InvalidLeadException invalid) {
      return invalid.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
    return caught.getMessage();
  }

  private static MailFolders.Resolved folders(Exchange exchange) {
    return exchange.getProperty(FOLDERS, MailFolders.Resolved.class);
  }

  private static void fileInto(Exchange exchange, String folder) {
    org.apache.camel.Message message = exchange.getIn();
    message.setHeader(MailConstants.MAIL_MOVE_TO, folder);
    message.removeHeader(MailConstants.MAIL_COPY_TO);
    message.setHeader(MailConstants.MAIL_DELETE, false);
  }
}
