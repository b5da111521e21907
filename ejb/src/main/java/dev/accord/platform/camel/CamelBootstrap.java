package dev.accord.platform.camel;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIntakeRoute;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Starts and stops Accord's CamelContext with the application (Camel 4 has no CDI integration),
 * wiring the JMS component to the server's pooled connection factory.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CamelBootstrap {

  @Resource(lookup = "java:/JmsXA")
  ConnectionFactory connectionFactory;

  @Inject AccordSettings settings;

  @Inject Clock clock;

  private CamelContext camel;
  private ProducerTemplate producer;

  @PostConstruct
  void start() {
    try {
      camel = new DefaultCamelContext();
      camel.getCamelContextExtension().setName("accord");
      camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
      camel.addRoutes(new IntakeRouteConfiguration());
      camel.addRoutes(
          new LeadIntakeRoute(
              new IntakeEndpoints(settings.intakeUri(), settings.leadsQueueUri()), clock));
      camel.start();
      producer = camel.createProducerTemplate();
    } catch (Exception e) {
      throw new IllegalStateException("Camel could not start: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void stop() {
    camel.stop();
  }

  /** Sends exchanges into the routes; thread-safe. */
  public ProducerTemplate producer() {
    return producer;
  }
}
