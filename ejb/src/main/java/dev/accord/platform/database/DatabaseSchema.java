package dev.accord.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date at startup, so a fresh database and an old one both end up
 * at the schema this build expects. The schema only: the organisation is data (the demo's is loaded
 * by {@code DemoOrganisation}).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSchema {

  private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

  @Resource(lookup = "java:jboss/datasources/AccordDS")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result =
        Flyway.configure(DatabaseSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // A database of an older demo ran the demo organisation as a repeatable script, since
            // removed; the data it loaded stays, the script's entry in the history is not an error.
            .ignoreMigrationPatterns("*:future", "repeatable:missing")
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
