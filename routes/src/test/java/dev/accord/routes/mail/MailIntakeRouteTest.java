package dev.accord.routes.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accord.routes.intake.FieldMapping;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIds;
import dev.accord.routes.intake.LeadIntakeRoute;
import dev.accord.routes.intake.Quarantine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailIntakeRouteTest {

  private static final String SOURCE = "sales-inbox";
  private static final String INTAKE = "direct:lead-intake";
  private static final String LEADS_QUEUE = "mock:leads-queue";
  private static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");
  private static final long MAX_BYTES = 4096;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final List<Quarantine.Quarantined> quarantined = new CopyOnWriteArrayList<>();
  private final AtomicBoolean brokerDown = new AtomicBoolean();
  private TestMailbox mailbox;
  private CamelContext camel;
  private MockEndpoint leadsQueue;

  @BeforeEach
  void startMailboxAndRoutes() throws Exception {
    mailbox = new TestMailbox();
    MailboxSettings settings =
        new MailboxSettings(
            SOURCE,
            "localhost",
            mailbox.port(),
            false,
            TestMailbox.USER,
            TestMailbox.PASSWORD,
            null,
            null,
            null,
            100L,
            MAX_BYTES,
            FieldMapping.identity());
    camel = new DefaultCamelContext();
    camel.addRoutes(new IntakeRouteConfiguration());
    camel.addRoutes(
        new LeadIntakeRoute(
            new IntakeEndpoints(INTAKE, LEADS_QUEUE), Clock.fixed(NOW, ZoneOffset.UTC)));
    camel.addRoutes(new MailIntakeRoute(settings, INTAKE, quarantined::add));
    leadsQueue = camel.getEndpoint(LEADS_QUEUE, MockEndpoint.class);
    leadsQueue.whenAnyExchangeReceived(
        exchange -> {
          if (brokerDown.get()) {
            throw new IllegalStateException("broker unavailable");
          }
        });
    camel.start();
  }

  @AfterEach
  void stop() throws Exception {
    camel.close();
    mailbox.close();
  }

  @Test
  void formNotificationBecomesTheSubmittedLeadAndIsFiledAsDone() throws Exception {
    mailbox.deliver(Mails.bytes(Mails.FORM_NOTIFICATION));

    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 1);

    String messageId = "<form-1@formtool.example>";
    assertThat(queuedLeads())
        .containsExactly(
            new IncomingLead(
                LeadIds.forIdempotencyKey(SOURCE, "mail:" + messageId),
                SOURCE,
                null,
                NOW,
                "zoe.lovelace@example.com",
                "Zoë",
                "Lovelace",
                "Analytical Engines",
                null,
                null,
                "DE",
                "+49301234567",
                null,
                "email",
                null,
                "We would like a demo\nfor twenty people.",
                Map.of(),
                "mail",
                messageId));
    assertThat(mailbox.messageIds("Accord/Done")).containsExactly(messageId);
    assertThat(mailbox.messageIds("INBOX")).isEmpty();
    assertThat(mailbox.messageIds("Accord/Quarantine")).isEmpty();
    assertThat(quarantined).isEmpty();
  }

  @Test
  void prospectsOwnMailBecomesALeadFromGermanyByItsPhone() throws Exception {
    mailbox.deliver(Mails.bytes(Mails.PROSPECT_MAIL, StandardCharsets.ISO_8859_1));

    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 1);

    IncomingLead lead = queuedLeads().get(0);
    assertThat(lead.email()).isEqualTo("ada@analytical-engines.com");
    assertThat(lead.firstName()).isEqualTo("Ada");
    assertThat(lead.lastName()).isEqualTo("Lovelace");
    assertThat(lead.company()).isEqualTo("Analytical Engines GmbH");
    assertThat(lead.phone()).isEqualTo("+49301234567");
    assertThat(lead.country()).isEqualTo("DE");
    assertThat(lead.action()).isEqualTo("email");
    assertThat(lead.message()).startsWith("Hello,\n\nwe are looking for a lead routing tool.");
    assertThat(lead.channelReference()).isEqualTo("<prospect-1@analytical-engines.com>");
  }

  @Test
  void theSameMailDeliveredTwiceIsTheSameLead() throws Exception {
    mailbox.deliver(Mails.bytes(Mails.FORM_NOTIFICATION));
    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 1);
    mailbox.deliver(Mails.bytes(Mails.FORM_NOTIFICATION));
    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 2);

    assertThat(queuedLeads())
        .extracting(IncomingLead::leadId)
        .containsExactly(
            LeadIds.forIdempotencyKey(SOURCE, "mail:<form-1@formtool.example>"),
            LeadIds.forIdempotencyKey(SOURCE, "mail:<form-1@formtool.example>"));
  }

  @Test
  void badMailsAreQuarantinedWithTheirReasonWhileAGoodOneStillArrives() throws Exception {
    byte[] noMessageId =
        Mails.bytes(
            Mails.mail(
                """
                From: ada@example.com
                Content-Type: text/plain; charset=x-klingon
                """,
                "nuqneH\n"));
    Map<String, String> reasonByReference =
        Map.of(
            "<no-sender@example.com>",
            "the mail has no sender address",
            "<broken@example.com>",
            "the mail's MIME structure is broken",
            "<too-large@example.com>",
            "the mail is larger than the 4096 bytes allowed",
            "<no-country@startup.io>",
            "country is required",
            "sha256:" + sha256(noMessageId),
            "the mail's text is in charset 'x-klingon', which cannot be decoded");
    mailbox.deliver(
        Mails.bytes(
            Mails.mail(
                """
                Message-ID: <no-sender@example.com>
                Content-Type: text/plain
                """,
                "Who am I?\n")));
    mailbox.deliver(
        Mails.bytes(
            Mails.mail(
                """
                From: ada@example.com
                Message-ID: <broken@example.com>
                Content-Type: multipart/mixed; boundary="XYZ"
                """,
                "no boundary anywhere\n")));
    mailbox.deliver(
        Mails.bytes(
            Mails.mail(
                """
                From: ada@example.de
                Message-ID: <too-large@example.com>
                Content-Type: text/plain
                """,
                ("x".repeat(76) + "\n").repeat(60))));
    mailbox.deliver(
        Mails.bytes(
            Mails.mail(
                """
                From: Grace <grace@startup.io>
                Message-ID: <no-country@startup.io>
                Content-Type: text/plain
                """,
                "Please call me.\n")));
    mailbox.deliver(noMessageId);
    mailbox.deliver(Mails.bytes(Mails.FORM_NOTIFICATION));

    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Quarantine").size() == 5);
    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 1);

    assertThat(quarantined)
        .extracting(Quarantine.Quarantined::reference, Quarantine.Quarantined::reason)
        .containsExactlyInAnyOrderElementsOf(
            reasonByReference.entrySet().stream()
                .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue()))
                .toList());
    assertThat(quarantined)
        .filteredOn(item -> item.reference().startsWith("sha256:"))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.idempotencyKey()).isEqualTo("mail-sha256:" + sha256(noMessageId));
              assertThat(item.content()).isEqualTo(new String(noMessageId, StandardCharsets.UTF_8));
              assertThat(item.channel()).isEqualTo("mail");
              assertThat(item.intakeSource()).isEqualTo(SOURCE);
            });
    assertThat(mailbox.messageIds("Accord/Quarantine"))
        .containsExactlyInAnyOrder(
            "<no-sender@example.com>",
            "<broken@example.com>",
            "<too-large@example.com>",
            "<no-country@startup.io>",
            "(none)");
    assertThat(queuedLeads())
        .extracting(IncomingLead::channelReference)
        .containsExactly("<form-1@formtool.example>");
    assertThat(mailbox.messageIds("INBOX")).isEmpty();
  }

  @Test
  void mailStaysInTheInboxWhileTheIntakeFailsAndIsTakenOnceItWorks() throws Exception {
    brokerDown.set(true);
    mailbox.deliver(Mails.bytes(Mails.FORM_NOTIFICATION));

    // Two attempts prove the mail was offered again on a later poll.
    await().atMost(PATIENCE).until(() -> leadsQueue.getReceivedCounter() >= 2);
    assertThat(mailbox.messageIds("INBOX")).containsExactly("<form-1@formtool.example>");
    assertThat(mailbox.messageIds("Accord/Done")).isEmpty();
    assertThat(mailbox.messageIds("Accord/Quarantine")).isEmpty();
    assertThat(quarantined).isEmpty();

    brokerDown.set(false);

    await().atMost(PATIENCE).until(() -> mailbox.messageIds("Accord/Done").size() == 1);
    assertThat(mailbox.messageIds("INBOX")).isEmpty();
    assertThat(queuedLeads())
        .extracting(IncomingLead::leadId)
        .containsOnly(LeadIds.forIdempotencyKey(SOURCE, "mail:<form-1@formtool.example>"));
  }

  private List<IncomingLead> queuedLeads() {
    return leadsQueue.getReceivedExchanges().stream()
        .map(exchange -> IncomingLeadCodec.fromJson(exchange.getMessage().getBody(String.class)))
        .toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
