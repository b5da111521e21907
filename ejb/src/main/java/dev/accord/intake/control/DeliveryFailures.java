package dev.accord.intake.control;

import dev.accord.intake.entity.DeliveryFailure;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers why a lead's delivery failed, in a transaction of its own: the failing one rolls back,
 * and the dead letter the lead may become must still say why.
 */
@Stateless
public class DeliveryFailures {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void note(UUID leadId, Throwable failure) {
    DeliveryFailure failed = em.find(DeliveryFailure.class, leadId);
    if (failed == null) {
      failed = new DeliveryFailure(leadId);
      failed.failed(describe(failure), clock.instant());
      em.persist(failed);
    } else {
      failed.failed(describe(failure), clock.instant());
    }
  }

  public Optional<DeliveryFailure> of(UUID leadId) {
    return Optional.ofNullable(em.find(DeliveryFailure.class, leadId));
  }

  /**
   * The innermost cause: the rule or constraint that failed, not the layers it went through. A
   * database's own message quotes the values it refused (an e-mail address among them), so of a
   * database failure only the kind and SQL state are kept.
   */
  static String describe(Throwable failure) {
    Throwable root = failure;
    java.sql.SQLException sql = null;
    while (true) {
      if (root instanceof java.sql.SQLException e && sql == null) {
        sql = e;
      }
      if (root.getCause() == null || root.getCause() == root) {
        break;
      }
      root = root.getCause();
    }
    if (sql != null) {
      return sql.getClass().getSimpleName()
          + ": the database refused the lead (SQL state "
          + sql.getSQLState()
          + ")";
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
