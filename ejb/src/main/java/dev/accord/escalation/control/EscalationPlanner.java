package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import dev.accord.escalation.entity.Escalation.Channel;
import dev.accord.escalation.entity.Escalation.Delivery;
import dev.accord.leads.entity.Lead;
import dev.accord.organisation.entity.DepartmentHead;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.PeriodCommitment;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns a fired stage into the escalations its chain calls for: an e-mail to each person the term
 * names, one event on the escalations topic, and a chat message if a webhook is configured, all in
 * the transaction that fired the stage.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EscalationPlanner {

  /** The JMS topic other systems subscribe to for every warning and breach. */
  public static final String TOPIC = "AccordEscalations";

  private static final Logger LOG = Logger.getLogger(EscalationPlanner.class.getName());

  @PersistenceContext EntityManager em;

  @Inject AccordSettings settings;

  @Inject EscalationMessages messages;

  /** A person to notify, and in which role. */
  record Person(String role, String name, String email) {}

  /** Escalates a stage of a lead's clock to the recipients its term names. */
  public void plan(SlaClock clock, Lead lead, SlaClock.FiredStage fired, Instant now) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (Recipient recipient : fired.stage().recipients()) {
      switch (recipient) {
        case REP -> {
          if (lead.getRep() != null) {
            add(people, new Person("REP", lead.getRep().getName(), lead.getRep().getEmail()));
          }
        }
        case MANAGER -> {
          Team team = lead.getTeam();
          if (team != null && team.getManagerEmail() != null) {
            add(people, new Person("MANAGER", team.getManagerName(), team.getManagerEmail()));
          }
        }
        case HEAD_OF_SALES -> head(Side.SALES, people);
        case HEAD_OF_MARKETING -> head(Side.MARKETING, people);
        case HEADS -> bothHeads(people);
      }
    }
    boolean late = isLate(fired.lateBy());
    String stage = fired.stage().eventName();
    record(
        people.values(),
        messages.factsOf(clock, lead, fired, late),
        delivery -> Escalation.ofClock(clock.getId(), lead.getId(), stage, delivery, now));
    LOG.info(
        () ->
            "Clock \""
                + clock.getName()
                + "\" of lead "
                + lead.getId()
                + ": "
                + stage
                + (late ? " (late by " + fired.lateBy() + ")" : "")
                + " escalated to "
                + people.keySet());
  }

  /**
   * Tells the manager of the queue a lead waits in that nobody could take it: the team's manager,
   * or the head of sales for the global queue (no team) and for a team without a manager.
   */
  public void planUnowned(Lead lead, String reason, Instant now) {
    Map<String, Person> people = new LinkedHashMap<>();
    Team team = lead.getTeam();
    if (team != null && team.getManagerEmail() != null) {
      add(people, new Person("MANAGER", team.getManagerName(), team.getManagerEmail()));
    } else {
      head(Side.SALES, people);
    }
    String queue = team == null ? null : team.getId();
    record(
        people.values(),
        messages.unownedFactsOf(lead, queue, reason),
        delivery -> Escalation.ofLead(lead.getId(), UNOWNED, delivery, now));
    LOG.info(
        () ->
            "Lead "
                + lead.getId()
                + " waits in the "
                + (queue == null ? "global" : queue)
                + " queue ("
                + reason
                + "); alerted "
                + people.keySet());
  }

  /** The stage name of the alert that a lead has no owner. */
  public static final String UNOWNED = "unowned";

  /** Escalates a broken period commitment to both department heads. */
  public void planBreach(PeriodCommitment commitment, Instant now) {
    Map<String, Person> people = new LinkedHashMap<>();
    bothHeads(people);
    boolean late = isLate(commitment.getLate());
    record(
        people.values(),
        messages.factsOf(commitment, em.find(Team.class, commitment.getTeamId()), late),
        delivery -> Escalation.ofCommitment(commitment.getId(), "breach", delivery, now));
    LOG.info(
        () ->
            commitment.getKind()
                + " of team "
                + commitment.getTeamId()
                + " breached: promised "
                + commitment.getPromised()
                + ", delivered "
                + commitment.getDelivered()
                + "; escalated to "
                + people.keySet());
  }

  private void record(
      Collection<Person> people,
      EscalationMessages.Facts facts,
      Function<Delivery, Escalation> escalation) {
    for (Person person : people) {
      em.persist(
          escalation.apply(
              new Delivery(
                  person.role(),
                  person.name(),
                  Channel.EMAIL,
                  person.email(),
                  messages.email(facts, person.name()))));
    }
    em.persist(
        escalation.apply(
            new Delivery("TOPIC", null, Channel.JMS, TOPIC, messages.event(facts, people))));
    settings
        .webhookUrl()
        .ifPresent(
            url ->
                em.persist(
                    escalation.apply(
                        new Delivery(
                            "WEBHOOK",
                            null,
                            Channel.WEBHOOK,
                            url.toString(),
                            messages.chat(facts)))));
  }

  private boolean isLate(Duration lateBy) {
    return lateBy != null && lateBy.compareTo(settings.lateAfter()) > 0;
  }

  private void bothHeads(Map<String, Person> people) {
    head(Side.SALES, people);
    head(Side.MARKETING, people);
  }

  private void head(Side side, Map<String, Person> people) {
    DepartmentHead head = em.find(DepartmentHead.class, side);
    if (head != null) {
      add(people, new Person("HEAD_OF_" + side.name(), head.getName(), head.getEmail()));
    }
  }

  private static void add(Map<String, Person> people, Person person) {
    people.putIfAbsent(person.email().toLowerCase(Locale.ROOT), person);
  }
}
