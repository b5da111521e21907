package dev.accord.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A routing transaction's hold on one rep: the rep's row, locked until the transaction ends. Only
 * the holder gives the rep a lead, counts it in the ledger or checks the rep's cap, so the count
 * and the cap it reads are exact, while the rest of the team goes on taking leads in other
 * transactions on this node and on others.
 */
@ApplicationScoped
class RepClaims {

  @PersistenceContext EntityManager em;

  /**
   * Takes the rep if no other transaction holds them.
   *
   * @return whether this transaction now holds the rep; false if another one does
   */
  boolean claimIfFree(String repId) {
    return !em.createNativeQuery("select id from rep where id = ?1 for update skip locked")
        .setParameter(1, repId)
        .getResultList()
        .isEmpty();
  }

  /** Takes the rep, waiting for the transaction that holds them to end. */
  void claim(String repId) {
    em.createNativeQuery("select id from rep where id = ?1 for update")
        .setParameter(1, repId)
        .getResultList();
  }
}
