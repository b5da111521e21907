package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Takes a lead's row before loading the lead, so that what is loaded, its history included, is what
 * the transaction that held the row before committed: two changes of one lead at once (an operator
 * re-routing it while the queue drainer gives it to a rep, a merge while it is re-routed) come one
 * after the other, the second seeing the first.
 */
final class LeadRows {

  private LeadRows() {}

  /**
   * @return the lead, held by this transaction until it ends; null if there is no such lead
   */
  static Lead holdAndLoad(EntityManager em, UUID leadId) {
    boolean exists =
        !em.createNativeQuery("select id from sales_lead where id = ?1 for update")
            .setParameter(1, leadId)
            .getResultList()
            .isEmpty();
    return exists ? em.find(Lead.class, leadId) : null;
  }
}
