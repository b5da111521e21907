package dev.accord.sla.control;

import dev.accord.leads.entity.Lead;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rulebook.control.LiveRulebook.NamedCalendar;
import dev.accord.rules.sla.ClockTerm;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Starts the clocks the agreement's terms set out for a newly decided lead, in the transaction that
 * stores the lead, so a lead never exists without its clocks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClockStarter {

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  /** Clocks count from the moment the lead arrived: intake time is part of what is owed. */
  public void start(Lead lead, List<ClockTerm> terms) {
    String teamId = lead.getTeam() == null ? null : lead.getTeam().getId();
    String repId = lead.getRep() == null ? null : lead.getRep().getId();
    for (ClockTerm term : terms) {
      NamedCalendar calendar =
          rulebook.calendar(term.calendar().orElse(teamId == null ? "" : teamId));
      em.persist(
          new SlaClock(
              lead.getId(),
              term,
              teamId,
              // A rep owes only what sales owes; marketing's clocks are not on a rep's card.
              term.owner() == Side.SALES ? repId : null,
              calendar.name(),
              calendar.calendar(),
              lead.getReceivedAt()));
    }
  }
}
