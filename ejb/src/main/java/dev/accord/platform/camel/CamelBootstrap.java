package dev.accord.platform.camel;

import dev.accord.intake.control.HeldInputs;
import dev.accord.intake.control.ProcessedPartnerFiles;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIntakeRoute;
import dev.accord.routes.mail.MailIntakeRoute;
import dev.accord.routes.mail.MailboxSettings;
import dev.accord.routes.partners.PartnerFileRoute;
import dev.accord.routes.partners.PartnerQueueRoute;
import dev.accord.routes.partners.PartnerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Starts and stops Accord's CamelContext with the application (Camel 4 has no CDI integration),
 * wiring the JMS component to the server's embedded broker.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelBootstrap {

  // The plain (non-JCA) factory: its sessions are non-transacted, so a send returns only once the
  // broker has persisted the message and the HTTP 202 never runs ahead of the journal. The pooled
  // java:/JmsXA factory, used outside a JTA transaction, let a crash lose leads already answered.
  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Inject AccordSettings settings;

  @Inject Clock clock;

  @EJB HeldInputs heldInputs;

  @EJB ProcessedPartnerFiles processedFiles;

  private CachingConnectionFactory sessions;
  private CamelContext camel;
  private ProducerTemplate producer;

  @PostConstruct
  void start() {
    // Keys, secrets and channels are checked now, so a mistake stops the deployment at once with
    // the setting's name, not the first request that needs it.
    settings.intakeSourcesByKey();
    settings.operatorKeys();
    settings.channels();
    try {
      camel = new DefaultCamelContext();
      camel.getCamelContextExtension().setName("accord");
      sessions = new CachingConnectionFactory(connectionFactory);
      JmsComponent jms = JmsComponent.jmsComponent(sessions);
      jms.getConfiguration().setTransacted(false);
      jms.getConfiguration().setDeliveryPersistent(true);
      camel.addComponent("jms", jms);
      camel.addRoutes(new IntakeRouteConfiguration());
      camel.addRoutes(
          new LeadIntakeRoute(
              new IntakeEndpoints(settings.intakeUri(), settings.leadsQueueUri()),
              clock,
              settings.mergeWindow().isZero() ? Duration.ofDays(1) : settings.mergeWindow()));
      for (MailboxSettings mailbox : settings.channels().mailboxes()) {
        camel.addRoutes(new MailIntakeRoute(mailbox, settings.intakeUri(), heldInputs));
      }
      for (PartnerSettings partner : settings.channels().partners()) {
        if (partner.folder() != null || partner.sftp() != null) {
          camel.addRoutes(
              new PartnerFileRoute(partner, settings.intakeUri(), heldInputs, processedFiles));
        }
        if (partner.queue() != null) {
          camel.addRoutes(new PartnerQueueRoute(partner, settings.intakeUri(), heldInputs));
        }
      }
      camel.start();
      producer = camel.createProducerTemplate();
    } catch (Exception e) {
      throw new IllegalStateException("Camel could not start: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void stop() {
    camel.stop();
    sessions.destroy();
  }

  /** Sends exchanges into the routes; thread-safe. */
  public ProducerTemplate producer() {
    return producer;
  }
}
