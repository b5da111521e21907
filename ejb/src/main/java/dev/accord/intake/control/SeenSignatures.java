package dev.accord.intake.control;

import dev.accord.intake.entity.SeenSignature;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Remembers signed requests for as long as their timestamp is acceptable, across restarts. */
@Stateless
public class SeenSignatures {

  @PersistenceContext EntityManager em;

  /** Records a signature; false if it was recorded before (a replay). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean firstTime(String signature, String intakeSource, Instant signedAt, Instant now) {
    // Older than twice the tolerance, a signature could not pass the timestamp check anyway.
    em.createQuery("delete from SeenSignature s where s.signedAt < :expired")
        .setParameter("expired", now.minus(RequestSignatures.TOLERANCE.multipliedBy(2)))
        .executeUpdate();
    if (em.find(SeenSignature.class, signature) != null) {
      return false;
    }
    // The same signature inserted at the same moment by another request fails this transaction;
    // the caller takes that as a replay too.
    em.persist(new SeenSignature(signature, intakeSource, signedAt));
    em.flush();
    return true;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void forget(String signature) {
    SeenSignature seen = em.find(SeenSignature.class, signature);
    if (seen != null) {
      em.remove(seen);
    }
  }
}
