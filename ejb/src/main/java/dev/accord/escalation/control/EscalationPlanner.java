package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import dev.accord.escalation.entity.Escalation.Channel;
import dev.accord.leads.entity.Lead;
import dev.accord.organisation.entity.DepartmentHead;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.sla.Recipient;
import dev.accord.rules.sla.Side;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns a fired stage into the escalations its chain calls for: an e-mail to each person the term
 * names, one event on the escalations topic, and a chat message if a webhook is configured, all in
 * the firing transaction.
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
        case HEADS -> {
          head(Side.SALES, people);
          head(Side.MARKETING, people);
        }
      }
    }
    boolean late = fired.lateBy().compareTo(settings.lateAfter()) > 0;
    EscalationMessages.Facts facts = messages.factsOf(clock, lead, fired, late);
    String stage = fired.stage().eventName();
    for (Person person : people.values()) {
      em.persist(
          new Escalation(
              clock.getId(),
              lead.getId(),
              stage,
              person.role(),
              person.name(),
              Channel.EMAIL,
              person.email(),
              messages.email(facts, person.name()),
              now));
    }
    Escalation.Content event = messages.event(facts, people.values());
    em.persist(
        new Escalation(
            clock.getId(), lead.getId(), stage, "TOPIC", null, Channel.JMS, TOPIC, event, now));
    settings
        .webhookUrl()
        .ifPresent(
            url ->
                em.persist(
                    new Escalation(
                        clock.getId(),
                        lead.getId(),
                        stage,
                        "WEBHOOK",
                        null,
                        Channel.WEBHOOK,
                        url.toString(),
                        messages.chat(facts),
                        now)));
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

  private void head(Side side, Map<String, Person> people) {
    DepartmentHead head = em.find(DepartmentHead.class, side);
    if (head != null) {
      add(
          people,
          new Person(
              side == Side.SALES ? "HEAD_OF_SALES" : "HEAD_OF_MARKETING",
              head.getName(),
              head.getEmail()));
    }
  }

  private static void add(Map<String, Person> people, Person person) {
    people.putIfAbsent(person.email().toLowerCase(java.util.Locale.ROOT), person);
  }
}
