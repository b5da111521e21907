package dev.accord.sla.control;

import dev.accord.leads.entity.Lead;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Who owes a lead's sales clocks when the lead changes hands. */
@ApplicationScoped
public class ClockOwners {

  @PersistenceContext EntityManager em;

  /**
   * The lead's open sales clocks now count against its new owner (see {@link SlaClock#handOver}); a
   * breach stays with the rep who owed it.
   */
  public void handOver(Lead lead, String repId, String detail, Instant now) {
    for (SlaClock owed : openSalesClocks(lead)) {
      owed.handOver(repId, detail, now);
    }
  }

  /** The lead's open sales clocks say that nobody owns it yet, and why, while they run on. */
  public void waitingForOwner(Lead lead, String detail, Instant now) {
    for (SlaClock owed : openSalesClocks(lead)) {
      owed.waitForOwner(detail, now);
    }
  }

  private List<SlaClock> openSalesClocks(Lead lead) {
    return em
        .createQuery(
            "select c from SlaClock c where c.leadId = :lead and c.owner = :sales", SlaClock.class)
        .setParameter("lead", lead.getId())
        .setParameter("sales", Side.SALES)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .filter(clock -> clock.getStoppedAt() == null)
        .toList();
  }
}
