package dev.accord.platform.database;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finds the rows whose indexed due time has come (clocks to fire, escalations to send, periods to
 * judge), so the one trick that keeps those polls cheap lives in one place.
 */
public final class DueRows {

  private DueRows() {}

  /**
   * The ids of {@code entity} rows whose {@code dueField} is at or before {@code now}, most overdue
   * first. The lower bound keeps the index scan off the nulls of rows with nothing due (H2 sorts
   * them first): without it every poll reads every stopped clock and every sent escalation.
   */
  public static List<UUID> dueBy(
      EntityManager em, String entity, String dueField, Instant now, int atMost) {
    String due = "x." + dueField;
    return em.createQuery(
            "select x.id from "
                + entity
                + " x where "
                + due
                + " >= :epoch and "
                + due
                + " <= :now order by "
                + due,
            UUID.class)
        .setParameter("epoch", Instant.EPOCH)
        .setParameter("now", now)
        .setMaxResults(atMost)
        .getResultList();
  }
}
