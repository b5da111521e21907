package dev.accord.intake.control;

import dev.accord.intake.entity.HeldInput;
import dev.accord.intake.entity.HeldInput.Kind;
import dev.accord.intake.entity.HeldInput.State;
import dev.accord.routes.intake.Quarantine;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps what the channels could not accept and the leads that failed every delivery, each in its
 * own transaction, so a channel's next input never waits for an operator.
 */
@Stateless
@LocalBean
public class HeldInputs implements Quarantine {

  private static final Logger LOG = Logger.getLogger(HeldInputs.class.getName());

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** A filter over held inputs; empty parts match everything. */
  public record Filter(Optional<Kind> kind, Optional<State> state, Optional<String> intakeSource) {}

  @Override
  public void hold(Quarantined item) {
    Kind kind = kindOf(item);
    keep(
        kind,
        new HeldInput(
            kind,
            item.channel(),
            item.intakeSource(),
            item.reference(),
            item.idempotencyKey(),
            null,
            item.reason(),
            item.content(),
            clock.instant()));
  }

  /** Keeps a lead that failed every delivery attempt, with the last reason it failed. */
  public void holdDeadLetter(
      UUID leadId, String intakeSource, String channel, String reason, String leadMessage) {
    keep(
        Kind.DEAD_LETTER,
        new HeldInput(
            Kind.DEAD_LETTER,
            channel,
            intakeSource,
            "lead " + leadId,
            leadId.toString(),
            leadId,
            reason,
            leadMessage,
            clock.instant()));
  }

  /** Keeps a message on the dead-letter queue that is not a lead message at all. */
  public void holdUnreadableDeadLetter(String messageId, String reason, String text) {
    keep(
        Kind.DEAD_LETTER,
        new HeldInput(
            Kind.DEAD_LETTER,
            "unknown",
            "unknown",
            "message " + messageId,
            messageId,
            null,
            "Not a lead message: " + reason,
            text,
            clock.instant()));
  }

  private void keep(Kind kind, HeldInput input) {
    HeldInput earlier = em.find(HeldInput.class, input.getId());
    if (earlier == null) {
      em.persist(input);
    } else {
      earlier.heldAgain(input.getReason(), input.getHeldAt());
    }
    // Reference and reason only: the content may hold personal data.
    LOG.warning(
        () ->
            "Held "
                + kind
                + " from "
                + input.getIntakeSource()
                + " ("
                + input.getReference()
                + "): "
                + input.getReason());
  }

  public List<HeldInput> list(Filter filter, int first, int max) {
    StringBuilder jpql = new StringBuilder("select h from HeldInput h where 1 = 1");
    filter.kind().ifPresent(k -> jpql.append(" and h.kind = :kind"));
    filter.state().ifPresent(s -> jpql.append(" and h.state = :state"));
    filter.intakeSource().ifPresent(s -> jpql.append(" and h.intakeSource = :source"));
    jpql.append(" order by h.heldAt desc, h.id");
    TypedQuery<HeldInput> query = em.createQuery(jpql.toString(), HeldInput.class);
    filter.kind().ifPresent(k -> query.setParameter("kind", k));
    filter.state().ifPresent(s -> query.setParameter("state", s));
    filter.intakeSource().ifPresent(s -> query.setParameter("source", s));
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  public Optional<HeldInput> find(UUID id) {
    return Optional.ofNullable(em.find(HeldInput.class, id));
  }

  /** The dead letter a lead became, if it did and was not replayed since. */
  public Optional<HeldInput> deadLetterOf(UUID leadId) {
    return em.createQuery(
            "select h from HeldInput h where h.leadId = :lead and h.kind = :kind", HeldInput.class)
        .setParameter("lead", leadId)
        .setParameter("kind", Kind.DEAD_LETTER)
        .getResultStream()
        .findFirst();
  }

  /**
   * Takes a held input for a replay under a row lock, in a transaction of its own, so that two
   * replays at once cannot both send it.
   *
   * @return false if it is not held (already replayed, or being replayed)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claimForReplay(UUID id) {
    HeldInput input = em.find(HeldInput.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (input == null || input.getState() != State.HELD) {
      return false;
    }
    input.replaying(clock.instant());
    return true;
  }

  /** The claimed replay failed before anything was sent: the input is held again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void releaseReplay(UUID id) {
    HeldInput input = em.find(HeldInput.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (input != null) {
      input.replayFailed();
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markReplayed(UUID id, UUID asLead) {
    find(id).ifPresent(held -> held.replayedAs(asLead));
  }

  private static Kind kindOf(Quarantined item) {
    return switch (item.channel()) {
      case "mail" -> Kind.MAIL;
      case "jms" -> Kind.MESSAGE;
      default ->
          item.reference() != null && item.reference().contains(" row ") ? Kind.ROW : Kind.FILE;
    };
  }
}
