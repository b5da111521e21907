package dev.accord.routing.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadAlias;
import dev.accord.leads.entity.LeadEvent;
import dev.accord.leads.entity.LeadPerson;
import dev.accord.leads.entity.RoutingCandidate;
import dev.accord.leads.entity.ScoreReason;
import dev.accord.organisation.control.Accounts;
import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.routing.FairRotation;
import dev.accord.rules.routing.RepInLedger;
import dev.accord.rules.routing.RepInRotation;
import dev.accord.sla.control.ClockStarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns an accepted lead into a decided, assigned and persisted one. It runs inside the consumer's
 * transaction, so the lead is stored exactly when its message is consumed; a repeat of a lead
 * already stored changes nothing but its history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadRouter {

  private static final Logger LOG = Logger.getLogger(LeadRouter.class.getName());

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject Clock clock;

  @Inject DatabaseSchema schema;

  @Inject ClockStarter clocks;

  @Inject RepAvailability availability;

  @Inject Accounts accounts;

  @Inject FairnessLedger ledger;

  @Inject dev.accord.escalation.control.EscalationPlanner escalations;

  @Inject dev.accord.sla.control.ClockOwners owners;

  @Inject AccordSettings settings;

  public void route(IncomingLead incoming) {
    schema.awaitMigration();
    Lead existing = em.find(Lead.class, incoming.leadId());
    if (existing != null) {
      // The same message again (redelivered after a crash between commit and acknowledgement)
      // changes nothing; a new submission of the same lead is worth a line in its history.
      if (!sameInstant(existing.getReceivedAt(), incoming.receivedAt())) {
        existing.record(
            new LeadEvent(
                clock.instant(),
                LeadEvent.Type.RESUBMITTED,
                "Submitted again by "
                    + incoming.intakeSource()
                    + " with the same key; the first submission stands"));
      }
      return;
    }
    if (em.find(LeadAlias.class, incoming.leadId()) != null) {
      // Already merged into its person's lead: taking it again would count the engagement twice.
      return;
    }
    LeadPerson person = em.find(LeadPerson.class, incoming.email(), LockModeType.PESSIMISTIC_WRITE);
    if (person != null && person.engagedWithin(settings.mergeWindow(), incoming.receivedAt())) {
      Lead lead = em.find(Lead.class, person.getLeadId(), LockModeType.PESSIMISTIC_WRITE);
      mergeInto(lead, incoming);
      person.engaged(incoming.receivedAt());
      return;
    }
    Lead lead = decideAndAssign(incoming);
    if (person == null) {
      // Two consumers taking the first two submissions of one person at once both get here; the
      // e-mail is the key, so the second flush fails and its redelivery merges.
      em.persist(new LeadPerson(incoming.email(), lead.getId(), incoming.receivedAt()));
    } else {
      person.startedAnew(lead.getId(), incoming.receivedAt());
    }
    // Constraint failures surface here, inside the consumer, which keeps their reason for the
    // dead letter the lead may become; at commit they would pass it by.
    em.flush();
  }

  // The store keeps microseconds; a message written by an older release may carry nanoseconds.
  private static boolean sameInstant(java.time.Instant stored, java.time.Instant sent) {
    return stored
        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
        .equals(sent.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }

  /**
   * The same person came in again within the merge window: their lead keeps its owner and clocks,
   * gains the new engagement, and is scored again with it.
   */
  private void mergeInto(Lead lead, IncomingLead again) {
    em.persist(
        new LeadAlias(again.leadId(), lead.getId(), again.intakeSource(), again.receivedAt()));
    lead.mergeIn(
        LeadFacts.contactOf(again),
        again.attributes(),
        again.receivedAt(),
        new LeadEvent(
            again.receivedAt(),
            LeadEvent.Type.MERGED,
            "Came in again from "
                + again.intakeSource()
                + " by "
                + again.channel()
                + (again.action() == null ? "" : " (" + again.action() + ")")
                + "; engagement "
                + (lead.getEngagements() + 1)
                + " of this person, merged instead of a second lead"
                + (again.message() == null ? "" : ". They wrote: " + excerpt(again.message()))));
    Decision decision = rulebook.decide(LeadFacts.returning(lead, again));
    String before = lead.getScore().grade();
    int beforeTotal = lead.getScore().fit() + lead.getScore().engagement();
    lead.raiseScore(
        scoreOf(decision),
        new LeadEvent(
            clock.instant(),
            LeadEvent.Type.RESCORED,
            "Rescored after the merge: fit "
                + decision.fit()
                + ", engagement "
                + decision.engagement()
                + " (was "
                + beforeTotal
                + " in all), grade "
                + before
                + " → "
                + decision.grade()
                + " by rulebook "
                + decision.rulebookVersion()));
    LOG.info(
        () ->
            "Lead "
                + again.leadId()
                + " from "
                + again.intakeSource()
                + " merged into lead "
                + lead.getId()
                + " of the same person");
  }

  // The history keeps what a returning person wrote; its column holds 1,000 characters.
  private static String excerpt(String message) {
    String oneLine = message.replace('\n', ' ');
    return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + "…";
  }

  private static Lead.Score scoreOf(Decision decision) {
    return new Lead.Score(
        decision.fit(),
        decision.engagement(),
        decision.grade().name(),
        decision.reasons().stream()
            .map(r -> new ScoreReason(r.concern().name(), r.rule(), r.points()))
            .toList(),
        decision.rulebookVersion());
  }

  private Lead decideAndAssign(IncomingLead incoming) {
    Decision decision = rulebook.decide(LeadFacts.from(incoming));
    Lead lead =
        new Lead(
            incoming.leadId(),
            incoming.intakeSource(),
            incoming.externalId(),
            incoming.receivedAt(),
            LeadFacts.contactOf(incoming),
            LeadFacts.arrivalOf(incoming),
            scoreOf(decision),
            clock.instant());
    lead.record(
        new LeadEvent(
            incoming.receivedAt(),
            LeadEvent.Type.RECEIVED,
            "Received from " + incoming.intakeSource() + " by " + incoming.channel()));
    lead.record(
        new LeadEvent(
            clock.instant(),
            LeadEvent.Type.SCORED,
            "Fit "
                + decision.fit()
                + ", engagement "
                + decision.engagement()
                + ", grade "
                + decision.grade()
                + " by rulebook "
                + decision.rulebookVersion()));
    Optional<String> unowned = assign(lead, decision);
    em.persist(lead);
    clocks.start(lead, decision.clocks());
    // No lead ends silently without an owner: the queue's manager hears of it in this transaction.
    unowned.ifPresent(reason -> escalations.planUnowned(lead, reason, clock.instant()));
    // The last history entry already says where the lead went.
    LOG.info(
        () -> {
          List<LeadEvent> history = lead.getHistory();
          return "Lead "
              + lead.getId()
              + " from "
              + lead.getIntakeSource()
              + ", grade "
              + decision.grade()
              + ": "
              + history.get(history.size() - 1).getDetail();
        });
    return lead;
  }

  /**
   * @return why nobody owns the lead, if nobody does
   */
  private Optional<String> assign(Lead lead, Decision decision) {
    Optional<RoutingCandidate> ownerPassedOver = Optional.empty();
    Optional<Accounts.Match> account =
        accounts.match(lead.getContact().email(), lead.getContact().company());
    if (account.isPresent()) {
      Rep owner = em.find(Rep.class, account.get().account().getOwnerRepId());
      // Both teams this lead may lock, in id order, so two leads never wait for each other.
      lockInOrder(owner.getTeam().getId(), decision.team().orElse(null));
      // The team's lock: the owner's cap is checked and the team's ledger counted by one lead at a
      // time.
      Team ownerTeam = em.find(Team.class, owner.getTeam().getId(), LockModeType.PESSIMISTIC_WRITE);
      RepInRotation state = availability.inRotation(List.of(owner), clock.instant()).get(0);
      String about =
          "owner of account "
              + account.get().account().getName()
              + " ("
              + account.get().how()
              + ")";
      if (state.available()) {
        counted(ownerTeam, lead, owner);
        lead.assignTo(ownerTeam, owner, List.of(new RoutingCandidate(owner.getId(), true, about)));
        lead.record(
            new LeadEvent(
                clock.instant(),
                LeadEvent.Type.ASSIGNED,
                "Assigned to "
                    + owner.getName()
                    + " of team "
                    + ownerTeam.getName()
                    + ", "
                    + about));
        return Optional.empty();
      }
      ownerPassedOver =
          Optional.of(
              new RoutingCandidate(owner.getId(), false, about + ", but " + state.whyNot()));
    }
    Optional<String> unowned = assignInTeam(lead, decision);
    ownerPassedOver.ifPresent(lead::passedOver);
    return unowned;
  }

  private void lockInOrder(String teamId, String otherTeamId) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    ids.add(teamId);
    if (otherTeamId != null) {
      ids.add(otherTeamId);
    }
    for (String id : ids) {
      em.find(Team.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
  }

  private Optional<String> assignInTeam(Lead lead, Decision decision) {
    if (decision.team().isEmpty()) {
      String reason = "No routing rule chose a team for country " + lead.getContact().country();
      lead.record(new LeadEvent(clock.instant(), LeadEvent.Type.UNROUTED, reason));
      return Optional.of(reason);
    }
    String teamId = decision.team().get();
    // The write lock serialises the rotation of one team across consumers and nodes: the ledger
    // and the caps it reads are exact.
    Team team = em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
    if (team == null) {
      String reason = "The rulebook chose team '" + teamId + "', which does not exist";
      lead.record(new LeadEvent(clock.instant(), LeadEvent.Type.UNROUTED, reason));
      return Optional.of(reason);
    }
    Rotation rotation = rotate(team, repsOf(team), lead);
    Rep chosen = rotation.chosen();
    List<RoutingCandidate> considered = rotation.considered();
    lead.assignTo(team, chosen, considered);
    if (chosen == null) {
      String reason = "No rep of team " + team.getName() + " is available";
      lead.record(new LeadEvent(clock.instant(), LeadEvent.Type.UNROUTED, reason));
      return Optional.of(reason);
    }
    lead.record(
        new LeadEvent(
            clock.instant(),
            LeadEvent.Type.ASSIGNED,
            "Assigned to " + chosen.getName() + " of team " + team.getName()));
    return Optional.empty();
  }

  /**
   * Gives a lead to a rep by hand (an operator working the fallback queue, or overruling the
   * rotation), with the reason; the rep's rotation counts it, the history records who did it and
   * why, and the lead's open sales clocks count against the new owner from now on.
   *
   * @throws IllegalArgumentException naming the rep if no rep has that id
   */
  public Lead assignByHand(Lead lead, String repId, String reason, String by) {
    Rep rep = em.find(Rep.class, repId);
    if (rep == null) {
      throw new IllegalArgumentException("rep: no rep has the id '" + repId + "'");
    }
    Team team = em.find(Team.class, rep.getTeam().getId(), LockModeType.PESSIMISTIC_WRITE);
    Rep previous = lead.getRep();
    counted(team, lead, rep);
    String detail =
        (previous == null
                ? "Assigned by hand to " + rep.getName()
                : "Reassigned by hand from " + previous.getName() + " to " + rep.getName())
            + " of team "
            + team.getName()
            + " by "
            + by
            + ": "
            + reason;
    List<RoutingCandidate> considered =
        List.of(new RoutingCandidate(rep.getId(), true, "chosen by hand by " + by + ": " + reason));
    lead.assignTo(team, rep, considered);
    lead.record(
        new LeadEvent(
            clock.instant(),
            previous == null ? LeadEvent.Type.ASSIGNED : LeadEvent.Type.REROUTED,
            detail));
    owners.handOver(lead, rep.getId(), detail, clock.instant());
    return lead;
  }

  /**
   * Hands a lead to the next rep of its team's rotation other than its owner, e.g. because the
   * owner breached a clock; the owner keeps it when nobody else is available.
   *
   * @return the new owner, if the lead changed hands
   */
  public Optional<Rep> reroute(Lead lead, String because) {
    if (lead.getTeam() == null) {
      return Optional.empty();
    }
    Team team = em.find(Team.class, lead.getTeam().getId(), LockModeType.PESSIMISTIC_WRITE);
    Rep previous = lead.getRep();
    List<Rep> others =
        repsOf(team).stream()
            .filter(rep -> previous == null || !rep.getId().equals(previous.getId()))
            .toList();
    Rotation rotation = rotate(team, others, lead);
    List<RoutingCandidate> considered = new ArrayList<>(rotation.considered());
    if (previous != null) {
      considered.add(
          new RoutingCandidate(previous.getId(), false, "owned the lead when " + because));
    }
    Rep chosen = rotation.chosen();
    if (chosen == null) {
      lead.record(
          new LeadEvent(
              clock.instant(),
              LeadEvent.Type.REROUTED,
              "Not re-routed although "
                  + because
                  + ": no other rep of team "
                  + team.getName()
                  + " is available"));
      return Optional.empty();
    }
    lead.reassign(
        chosen,
        considered,
        new LeadEvent(
            clock.instant(),
            LeadEvent.Type.REROUTED,
            "Re-routed"
                + (previous == null ? "" : " from " + previous.getName())
                + " to "
                + chosen.getName()
                + " because "
                + because));
    return Optional.of(chosen);
  }

  private List<Rep> repsOf(Team team) {
    return em.createQuery("select r from Rep r where r.team = :team order by r.id", Rep.class)
        .setParameter("team", team)
        .getResultList();
  }

  /** The rotation's pick among these reps, already counted as the rep's latest lead. */
  private record Rotation(Rep chosen, List<RoutingCandidate> considered) {}

  /**
   * The weighted fair rotation: the lead goes to the available rep with the fewest leads of its
   * grade this period for their weight (see {@link FairRotation}); the caller holds the team's
   * lock, so the ledger and the caps read here are exact.
   */
  private Rotation rotate(Team team, List<Rep> reps, Lead lead) {
    String grade = lead.getScore().grade();
    Map<String, Integer> assigned = ledger.assigned(team.getId(), ledger.period(), grade);
    List<RepInRotation> states = availability.inRotation(reps, clock.instant());
    Map<String, Rep> repsById =
        reps.stream().collect(Collectors.toMap(Rep::getId, Function.identity()));
    List<RepInLedger> inLedger = new ArrayList<>();
    for (RepInRotation state : states) {
      Rep rep = repsById.get(state.repId());
      inLedger.add(
          new RepInLedger(
              rep.getId(),
              rep.getName(),
              state.available(),
              state.whyNot(),
              rep.getWeight(),
              assigned.getOrDefault(rep.getId(), 0),
              rep.getLastAssignment()));
    }
    List<RepInLedger> order = FairRotation.order(inLedger);
    RepInLedger chosen = order.isEmpty() ? null : order.get(0);
    if (chosen != null) {
      counted(team, lead, repsById.get(chosen.repId()));
    }
    List<RoutingCandidate> considered =
        FairRotation.candidates(grade, inLedger, order, chosen, Map.of()).stream()
            .map(c -> new RoutingCandidate(c.repId(), c.chosen(), c.reason()))
            .toList();
    return new Rotation(chosen == null ? null : repsById.get(chosen.repId()), considered);
  }

  /** Counts the lead in the rep's line of the team's ledger; the caller holds the team's lock. */
  private void counted(Team team, Lead lead, Rep rep) {
    ledger.count(team.getId(), ledger.period(), lead.getScore().grade(), rep.getId());
    ledger.lastAssignment(rep.getId());
  }
}
