package dev.accord.routes.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.accord.routes.intake.FieldMapping;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIds;
import dev.accord.routes.intake.LeadIntakeRoute;
import dev.accord.routes.intake.Quarantine.Quarantined;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner queue and the leads queue live on one embedded Artemis broker, reached through one
 * {@code jms} component as in production.
 */
class PartnerQueueRouteTest extends CamelTestSupport {

  private static final String INTAKE = "direct:lead-intake";
  private static final String PARTNER_QUEUE = "AccordPartnerAcme";
  private static final String LEADS_QUEUE = "AccordLeadsReceivedTest";
  private static final String SOURCE = "partner-acme";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @TempDir static Path brokerDir;

  private static EmbeddedActiveMQ broker;
  private static ActiveMQConnectionFactory connectionFactory;

  private final HeldInMemory quarantine = new HeldInMemory();

  @BeforeAll
  static void startBroker() throws Exception {
    ConfigurationImpl configuration = new ConfigurationImpl();
    configuration.setBrokerInstance(brokerDir.toFile());
    configuration
        .setPersistenceEnabled(false)
        .setSecurityEnabled(false)
        .addAcceptorConfiguration("in-vm", "vm://0");
    broker = new EmbeddedActiveMQ();
    broker.setConfiguration(configuration);
    broker.start();
    connectionFactory = new ActiveMQConnectionFactory("vm://0");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    connectionFactory.close();
    broker.stop();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext camel = super.createCamelContext();
    camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
    return camel;
  }

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    return new RoutesBuilder[] {
      new IntakeRouteConfiguration(),
      new LeadIntakeRoute(
          new IntakeEndpoints(INTAKE, "jms:queue:" + LEADS_QUEUE),
          Clock.fixed(Instant.parse("2025-03-03T09:15:00Z"), ZoneOffset.UTC))
    };
  }

  @Test
  void partnerMessagesBecomeLeadsOnTheLeadsQueueKeyedByThePartnersKeyOrTheMessageId()
      throws Exception {
    startFeed(INTAKE);
    String withKey;
    String withoutKey;
    try (JMSContext jms = connectionFactory.createContext()) {
      Message keyed = jms.createTextMessage("{\"Mail\": \"Ada@Example.com\", \"Country\": \"DE\"}");
      keyed.setStringProperty("AccordIdempotencyKey", "acme-7");
      // A partner's property must not pose as Accord's own header.
      keyed.setStringProperty("AccordIntakeSource", "someone-else");
      jms.createProducer().send(jms.createQueue(PARTNER_QUEUE), keyed);
      withKey = keyed.getJMSMessageID();
      Message plain = jms.createTextMessage("{\"Mail\": \"bob@example.com\", \"Country\": \"AT\"}");
      jms.createProducer().send(jms.createQueue(PARTNER_QUEUE), plain);
      withoutKey = plain.getJMSMessageID();
    }

    List<IncomingLead> leads = receiveLeads(2);

    assertThat(leads)
        .extracting(
            IncomingLead::leadId,
            IncomingLead::intakeSource,
            IncomingLead::email,
            IncomingLead::country,
            IncomingLead::channel,
            IncomingLead::channelReference)
        .containsExactly(
            tuple(
                LeadIds.forIdempotencyKey(SOURCE, "jms:acme-7"),
                SOURCE,
                "ada@example.com",
                "DE",
                "jms",
                withKey),
            tuple(
                LeadIds.forIdempotencyKey(SOURCE, "jms:" + withoutKey),
                SOURCE,
                "bob@example.com",
                "AT",
                "jms",
                withoutKey));
    assertThat(quarantine.items()).isEmpty();
  }

  @Test
  void invalidLeadAndUnreadableMessageAreQuarantinedAndConsumed() throws Exception {
    startFeed(INTAKE);
    String invalidId;
    String brokenId;
    try (JMSContext jms = connectionFactory.createContext()) {
      Message invalid = jms.createTextMessage("{\"Mail\": \"ada@@example\", \"Country\": \"DE\"}");
      jms.createProducer().send(jms.createQueue(PARTNER_QUEUE), invalid);
      invalidId = invalid.getJMSMessageID();
      Message broken = jms.createTextMessage("{\"Mail\": ");
      jms.createProducer().send(jms.createQueue(PARTNER_QUEUE), broken);
      brokenId = broken.getJMSMessageID();
    }

    await().atMost(PATIENCE).until(() -> quarantine.items().size() == 2);
    assertThat(quarantine.items())
        .containsExactly(
            new Quarantined(
                "jms",
                SOURCE,
                invalidId,
                "jms:" + invalidId,
                "email is not a valid e-mail address",
                "{\"Mail\": \"ada@@example\", \"Country\": \"DE\"}"),
            new Quarantined(
                "jms",
                SOURCE,
                brokenId,
                "jms:" + brokenId,
                "is not valid JSON at column 10",
                "{\"Mail\": "));
    await().atMost(PATIENCE).until(() -> messagesOn(PARTNER_QUEUE) == 0);
    assertThat(receiveLeads(0)).isEmpty();
  }

  @Test
  void failureAfterTheLeadWasQueuedRollsBothBackAndTheRedeliveryQueuesItOnce() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:failing-once")
                .errorHandler(noErrorHandler())
                .to(INTAKE)
                .process(
                    exchange -> {
                      if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("database unavailable");
                      }
                    });
          }
        });
    startFeed("direct:failing-once");
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer()
          .setProperty("AccordIdempotencyKey", "acme-8")
          .send(
              jms.createQueue(PARTNER_QUEUE),
              "{\"Mail\": \"ada@example.com\", \"Country\": \"DE\"}");
    }

    await().atMost(PATIENCE).until(() -> attempts.get() == 2);

    assertThat(receiveLeads(1))
        .extracting(IncomingLead::leadId, IncomingLead::email)
        .containsExactly(tuple(LeadIds.forIdempotencyKey(SOURCE, "jms:acme-8"), "ada@example.com"));
    assertThat(receiveLeads(0)).isEmpty();
    assertThat(quarantine.items()).isEmpty();
  }

  private void startFeed(String intake) throws Exception {
    PartnerSettings partner =
        new PartnerSettings(
            "acme",
            SOURCE,
            null,
            null,
            PARTNER_QUEUE,
            null,
            new FieldMapping(Map.of("Mail", "email"), false, Set.of()),
            null,
            null,
            null);
    context.addRoutes(new PartnerQueueRoute(partner, intake, quarantine));
  }

  /** Takes the expected number of leads off the leads queue, then looks briefly for one more. */
  private List<IncomingLead> receiveLeads(int expected) {
    List<IncomingLead> leads = new ArrayList<>();
    try (JMSContext jms = connectionFactory.createContext();
        JMSConsumer consumer = jms.createConsumer(jms.createQueue(LEADS_QUEUE))) {
      for (int i = 0; i < expected; i++) {
        String json = consumer.receiveBody(String.class, PATIENCE.toMillis());
        assertThat(json).as("lead %d of %d", i + 1, expected).isNotNull();
        leads.add(IncomingLeadCodec.fromJson(json));
      }
      String extra = consumer.receiveBody(String.class, 500);
      if (extra != null) {
        leads.add(IncomingLeadCodec.fromJson(extra));
      }
    }
    return leads;
  }

  private static long messagesOn(String queue) {
    var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return found == null ? 0 : found.getMessageCount() + found.getDeliveringCount();
  }
}
