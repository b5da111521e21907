package dev.accord.sla.control;

import dev.accord.routes.intake.FieldError;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lets a department head dispute a breach with a note that stays with the breach. */
@ApplicationScoped
@Transactional
public class BreachDisputes {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * @return the disputed clock, or empty if there is no such clock
   * @throws InvalidActivityException naming the field at fault
   * @throws IllegalStateException if the clock has not breached
   */
  public Optional<SlaClock> dispute(UUID clockId, String side, String note) {
    SlaClock slaClock = em.find(SlaClock.class, clockId, LockModeType.PESSIMISTIC_WRITE);
    if (slaClock == null) {
      return Optional.empty();
    }
    List<FieldError> errors = new ArrayList<>();
    Side by = null;
    try {
      by = side == null ? null : Side.valueOf(side.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      // reported below
    }
    if (by == null) {
      errors.add(new FieldError("side", "is required: SALES or MARKETING, the head who disputes"));
    }
    String why = note == null ? "" : note.strip();
    if (why.isEmpty()) {
      errors.add(new FieldError("note", "is required: why the breach is disputed"));
    } else if (why.length() > 800) {
      errors.add(new FieldError("note", "is longer than 800 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidActivityException(errors);
    }
    slaClock.dispute(by, why, clock.instant());
    return Optional.of(slaClock);
  }
}
