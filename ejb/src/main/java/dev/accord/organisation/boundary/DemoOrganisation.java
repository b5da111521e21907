package dev.accord.organisation.boundary;

import dev.accord.organisation.control.DepartmentHeads;
import dev.accord.organisation.control.Reps;
import dev.accord.organisation.control.Teams;
import dev.accord.platform.configuration.AccordSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * In demo mode, loads the demo sales organisation (two teams, six reps, both heads) from the CSV
 * files under {@code demo/} through the same imports an operator uses, once: only into an empty
 * organisation, so what an operator changed survives a restart.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class DemoOrganisation {

  private static final Logger LOG = Logger.getLogger(DemoOrganisation.class.getName());

  @Inject AccordSettings settings;

  @Inject Teams teams;

  @Inject Reps reps;

  @Inject DepartmentHeads heads;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void load() {
    if (!settings.demoEnabled()) {
      return;
    }
    if (teams.all().isEmpty()) {
      int teamCount = teams.importCsv(resource("demo/teams.csv"));
      int repCount = reps.importCsv(resource("demo/reps.csv"));
      LOG.info(() -> "Demo organisation loaded: " + teamCount + " teams, " + repCount + " reps");
    }
    if (heads.all().isEmpty()) {
      heads.importCsv(resource("demo/heads.csv"));
    }
  }

  private static String resource(String name) {
    try (InputStream in = DemoOrganisation.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the deployment");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
