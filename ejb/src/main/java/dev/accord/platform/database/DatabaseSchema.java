package dev.accord.platform.database;

import dev.accord.platform.configuration.AccordSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date at startup, so a fresh database and an old one both end up
 * at the schema this build expects; in demo mode it also loads the demo sales organisation.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSchema {

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

  @Resource(lookup = "java:jboss/datasources/AccordDS")
  DataSource dataSource;

  @Inject AccordSettings settings;

  @PostConstruct
  void migrate() {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    if (settings.demoEnabled()) {
      locations.add("classpath:db/demo");
    }
    MigrateResult result =
        Flyway.configure(DatabaseSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations.toArray(String[]::new))
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /**
   * Returns once the schema is migrated. Message consumers may start before this singleton has
   * finished; calling it first makes them wait instead of failing on a missing table.
   */
  @Lock(LockType.READ)
  public void awaitMigration() {
    // Reaching this method is the point: the container calls it only after migrate() completed.
  }
}
