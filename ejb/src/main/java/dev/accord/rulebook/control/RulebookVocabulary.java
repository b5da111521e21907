package dev.accord.rulebook.control;

import dev.accord.rules.Vocabulary;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The values the rules' conditions can meet, as the rest of Accord knows them: the teams of the
 * organisation, and the sources and actions leads came with in the last 90 days.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RulebookVocabulary {

  static final Duration LOOKBACK = Duration.ofDays(90);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  public Vocabulary current() {
    Set<String> teams =
        new HashSet<>(em.createQuery("select t.id from Team t", String.class).getResultList());
    return new Vocabulary(teams, seen("leadSource"), seen("requestedAction"));
  }

  private Set<String> seen(String field) {
    return new HashSet<>(
        em.createQuery(
                "select distinct l."
                    + field
                    + " from Lead l where l.receivedAt >= :since and l."
                    + field
                    + " is not null",
                String.class)
            .setParameter("since", clock.instant().minus(LOOKBACK))
            .getResultList());
  }
}
