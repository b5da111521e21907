package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leads from an IMAP mailbox (GreenMail) and from a partner's CSV drop folder reach the same
 * receipt as the API's, and what cannot be read is held with its reason and replayable, in the
 * server Arquillian manages (channels in src/test/channels/channels.yaml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailAndPartnerFeedIT {

  @RegisterExtension
  static final GreenMailExtension MAILBOX =
      new GreenMailExtension(
              new ServerSetup[] {
                new ServerSetup(3243, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(3225, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
              })
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("leads@accord.test", "leads", "leads-mailbox-password"));

  private static final Path ACME_DROP = Path.of("target", "partner-drop", "acme");

  private final AccordClient accord = new AccordClient();

  @Deployment(testable = false)
  static EnterpriseArchive accord() {
    return Deployments.accordEar();
  }

  @Test
  void aFormToolsNotificationMailBecomesALeadAndAMailWithoutACountryIsHeld() {
    String email = unique("mailed");
    String stranger = unique("stranger");

    GreenMailUtil.sendTextEmail(
        "leads@accord.test",
        "forms@typeform-mailer.com",
        "New submission: Contact sales",
        """
        Email: %s
        First name: Mara
        Last name: Quist
        Company: Quist Logistics GmbH
        Country: Germany
        Phone: +49 40 1234567
        Message: Can we talk about routing?
        """
            .formatted(email),
        MAILBOX.getSmtp().getServerSetup());
    GreenMailUtil.sendTextEmail(
        "leads@accord.test",
        stranger,
        "hello",
        "Just saying hello.",
        MAILBOX.getSmtp().getServerSetup());

    JsonNode lead = awaitOnlyLeadOf(email);
    assertThat(lead.at("/intake/source").asText()).isEqualTo("inbox");
    assertThat(lead.at("/intake/channel").asText()).isEqualTo("mail");
    assertThat(lead.at("/intake/message").asText()).isEqualTo("Can we talk about routing?");
    assertThat(lead.at("/contact/firstName").asText()).isEqualTo("Mara");
    assertThat(lead.at("/contact/company").asText()).isEqualTo("Quist Logistics GmbH");
    assertThat(lead.at("/contact/phone").asText()).isEqualTo("+49401234567");
    assertThat(lead.at("/contact/country").asText()).isEqualTo("DE");
    JsonNode held = awaitHeld("MAIL", "inbox", "country is required");
    assertThat(held.get("channel").asText()).isEqualTo("mail");
    assertThat(leadsOf(stranger)).isEmpty();
  }

  @Test
  void aPartnerFileDeliversItsGoodRowsAndHoldsItsBadRowForAReplay() throws IOException {
    String first = unique("row-one");
    String second = unique("row-two");
    String broken = unique("row-three");
    Files.createDirectories(ACME_DROP);
    String name = "leads-" + UUID.randomUUID() + ".csv";
    Path part = ACME_DROP.resolve("." + name);
    Files.writeString(
        part,
        "\uFEFFE-Mail;Land;Firma;Kampagne\r\n"
            + first
            + ";Deutschland;Erste GmbH;herbst\r\n"
            + second
            + ";AT;\"Zweite\r\nAG\";herbst\r\n"
            + broken
            + ";Atlantis;Dritte KG;herbst\r\n",
        StandardCharsets.UTF_8);
    // Written under a hidden name and renamed when complete, as partners are told to.
    Files.move(part, ACME_DROP.resolve(name));

    JsonNode one = awaitOnlyLeadOf(first);
    JsonNode two = awaitOnlyLeadOf(second);
    assertThat(one.at("/intake/channel").asText()).isEqualTo("file");
    assertThat(one.at("/intake/channelReference").asText()).isEqualTo(name + " row 2");
    assertThat(one.at("/intake/attributes/kampagne").asText()).isEqualTo("herbst");
    assertThat(one.at("/contact/country").asText()).isEqualTo("DE");
    assertThat(two.at("/contact/company").asText()).isEqualTo("Zweite AG");
    JsonNode held = awaitHeld("ROW", "partner-acme", "'Atlantis' is not an ISO 3166 country");
    assertThat(held.get("reference").asText()).isEqualTo(name + " row 4");
    Path rejects = ACME_DROP.resolve(".done").resolve(name + ".rejects.csv");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(rejects));
    assertThat(Files.readString(rejects, StandardCharsets.UTF_8))
        .contains("4;country 'Atlantis' is not an ISO 3166 country;" + broken);

    AccordClient.Answer replayed =
        accord.post(
            "/api/intake/held/" + held.get("id").asText() + "/replay",
            "{\"email\": \"%s\", \"country\": \"FR\", \"company\": \"Dritte KG\"}"
                .formatted(broken),
            ChannelsIT.OPERATOR_KEY);

    assertThat(replayed.status()).isEqualTo(202);
    JsonNode fixed = awaitOnlyLeadOf(broken);
    assertThat(fixed.at("/intake/channelReference").asText()).isEqualTo(name + " row 4");
    assertThat(fixed.at("/contact/country").asText()).isEqualTo("FR");
  }

  @Test
  void aPartnerPublishingToItsQueueFromOutsideIsHeardAndMayNotReachTheLeadsQueue()
      throws JMSException {
    String email = unique("queued");
    ActiveMQConnectionFactory broker =
        new ActiveMQConnectionFactory(
            "tcp://localhost:8180?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
    try (Connection connection =
            broker.createConnection("accord-partner", "partner-demo-password-1");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      MessageProducer toPartnerQueue =
          session.createProducer(session.createQueue("AccordPartnerDemo"));
      TextMessage lead =
          session.createTextMessage(
              "{\"E-Mail\": \"%s\", \"Land\": \"Sweden\", \"Firma\": \"Kö AB\"}".formatted(email));
      lead.setStringProperty("AccordIdempotencyKey", "acme-order-" + email);
      toPartnerQueue.send(lead);
      toPartnerQueue.send(session.createTextMessage("{\"E-Mail\": \"no-country@example.com\"}"));
      MessageProducer toLeadsQueue =
          session.createProducer(session.createQueue("AccordLeadsReceived"));

      assertThatThrownBy(() -> toLeadsQueue.send(session.createTextMessage("{}")))
          .isInstanceOf(JMSSecurityException.class);
    }

    JsonNode queued = awaitOnlyLeadOf(email);
    assertThat(queued.at("/intake/source").asText()).isEqualTo("partner-acme");
    assertThat(queued.at("/intake/channel").asText()).isEqualTo("jms");
    assertThat(queued.at("/contact/country").asText()).isEqualTo("SE");
    assertThat(queued.at("/contact/company").asText()).isEqualTo("Kö AB");
    awaitHeld("MESSAGE", "partner-acme", "country is required");
  }

  private JsonNode awaitHeld(String kind, String source, String reason) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              List<JsonNode> matching = new ArrayList<>();
              accord
                  .get(
                      "/api/intake/held?kind=" + kind + "&source=" + source,
                      ChannelsIT.OPERATOR_KEY)
                  .body()
                  .get("held")
                  .forEach(
                      h -> {
                        if (h.get("reason").asText().contains(reason)) {
                          matching.add(h);
                        }
                      });
              return matching.isEmpty() ? null : matching.get(0);
            },
            h -> h != null);
  }

  private JsonNode leadsOf(String email) {
    return accord
        .get(
            "/api/leads?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
            ChannelsIT.OPERATOR_KEY)
        .body()
        .get("leads");
  }

  private JsonNode awaitOnlyLeadOf(String email) {
    JsonNode found =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> leadsOf(email), leads -> leads.size() == 1);
    return accord.getLead(found.at("/0/id").asText(), "Bearer " + ChannelsIT.OPERATOR_KEY).body();
  }

  private static String unique(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
