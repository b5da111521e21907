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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  @Inject RepClaims claims;

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
      Lead lead = LeadRows.holdAndLoad(em, person.getLeadId());
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
   * gains the new engagement (and, as the merge policy allows, the fields it lacked), and is scored
   * again with it.
   */
  private void mergeInto(Lead lead, IncomingLead again) {
    em.persist(
        new LeadAlias(again.leadId(), lead.getId(), again.intakeSource(), again.receivedAt()));
    new MergePolicy(settings.crossSourceMerge()).mergeInto(lead, again);
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
    // No lead ends silently without an owner: the queue's manager hears of it in this transaction,
    // and its clocks say whom they run against meanwhile.
    unowned.ifPresent(
        reason -> {
          escalations.planUnowned(lead, reason, clock.instant());
          owners.waitingForOwner(lead, waiting(lead, reason), clock.instant());
        });
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
    Set<String> held = new HashSet<>();
    Optional<RoutingCandidate> ownerPassedOver = Optional.empty();
    Optional<Accounts.Match> account =
        accounts.match(lead.getContact().email(), lead.getContact().company());
    if (account.isPresent()) {
      Rep owner = em.find(Rep.class, account.get().account().getOwnerRepId());
      String grade = lead.getScore().grade();
      RepInRotation state = availability.inRotation(List.of(owner), clock.instant(), grade).get(0);
      if (state.available()) {
        // The owner is the only rep who may take it first: wait for them rather than pass them
        // by, then look again at them as they are once held.
        claims.claim(owner.getId());
        held.add(owner.getId());
        em.refresh(owner);
        state = availability.inRotation(List.of(owner), clock.instant(), grade).get(0);
      }
      String about =
          "owner of account "
              + account.get().account().getName()
              + " ("
              + account.get().how()
              + ")";
      if (state.available()) {
        Team ownerTeam = owner.getTeam();
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
    Optional<String> unowned = assignInTeam(lead, decision, held);
    ownerPassedOver.ifPresent(lead::passedOver);
    return unowned;
  }

  private Optional<String> assignInTeam(Lead lead, Decision decision, Set<String> held) {
    if (decision.team().isEmpty()) {
      String reason = "No routing rule chose a team for country " + lead.getContact().country();
      lead.record(new LeadEvent(clock.instant(), LeadEvent.Type.UNROUTED, reason));
      return Optional.of(reason);
    }
    String teamId = decision.team().get();
    Team team = em.find(Team.class, teamId);
    if (team == null) {
      String reason = "The rulebook chose team '" + teamId + "', which does not exist";
      lead.record(new LeadEvent(clock.instant(), LeadEvent.Type.UNROUTED, reason));
      return Optional.of(reason);
    }
    Rotation rotation = rotate(team, repsOf(team), lead, held);
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

  private String waiting(Lead lead, String reason) {
    if (lead.getTeam() == null) {
      return reason
          + "; the lead waits in the global queue, owed by nobody until a rep is given it";
    }
    Team team = lead.getTeam();
    return reason
        + "; the lead waits in the "
        + team.getId()
        + " queue, owed by team "
        + team.getName()
        + " until a rep takes it"
        + availability
            .firstDueOnShift(repsOf(team), clock.instant())
            .map(first -> "; " + first)
            .orElse("");
  }

  /**
   * Gives a lead waiting in its team's queue to the rep the rotation picks now that one can take it
   * (back on shift, back from an absence, under their cap again); its open clocks count against
   * that rep from now on.
   *
   * @return the rep, if one of the team can take it
   */
  public Optional<Rep> takeFromQueue(Lead lead) {
    Team team = lead.getTeam();
    Rotation rotation = rotate(team, repsOf(team), lead, new HashSet<>());
    Rep chosen = rotation.chosen();
    if (chosen == null) {
      return Optional.empty();
    }
    java.time.Duration waited = java.time.Duration.between(lead.getReceivedAt(), clock.instant());
    String detail =
        "Taken from the "
            + team.getId()
            + " queue by "
            + chosen.getName()
            + " of team "
            + team.getName()
            + ", the first rep able to take it, after "
            + waited.toMinutes()
            + " min waiting";
    lead.reassign(
        chosen,
        rotation.considered(),
        new LeadEvent(clock.instant(), LeadEvent.Type.ASSIGNED, detail));
    owners.handOver(lead, chosen.getId(), detail, clock.instant());
    return Optional.of(chosen);
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
    // Held, so the rep's line of the ledger is counted by one transaction at a time.
    claims.claim(rep.getId());
    em.refresh(rep);
    Team team = rep.getTeam();
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
    Team team = lead.getTeam();
    Rep previous = lead.getRep();
    List<Rep> others =
        repsOf(team).stream()
            .filter(rep -> previous == null || !rep.getId().equals(previous.getId()))
            .toList();
    Rotation rotation = rotate(team, others, lead, new HashSet<>());
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
   * After this many looks at the ledger, each spoilt by another transaction giving the rep of
   * choice a lead in between, the lead goes to the best rep this transaction holds.
   */
  private static final int LOOKS = 4;

  private static final FairnessLedger.Standing NOTHING_YET = new FairnessLedger.Standing(0, 0);

  /**
   * The weighted fair rotation: the lead goes to the available rep with the fewest leads of its
   * grade this period for their weight (see {@link FairRotation}). The team is not locked: the rep
   * of choice is claimed ({@link RepClaims}); one another transaction is giving a lead at this
   * moment is passed for the next in the order, as they are about to be one lead further on; only
   * when everyone who could take the lead is taking another does this wait, for the first of them.
   * Once the rep is held, their line of the ledger and their open leads are read again; if another
   * lead reached them in between, the order is looked at again.
   *
   * @param held reps this transaction holds already
   */
  private Rotation rotate(Team team, List<Rep> reps, Lead lead, Set<String> held) {
    String grade = lead.getScore().grade();
    String period = ledger.period();
    Map<String, Rep> repsById =
        reps.stream().collect(Collectors.toMap(Rep::getId, Function.identity()));
    for (int look = 1; ; look++) {
      List<RepInLedger> inLedger = caughtUp(team, reps, grade, period, held);
      List<RepInLedger> order = FairRotation.order(inLedger);
      Map<String, String> busy = new HashMap<>();
      if (order.isEmpty()) {
        return new Rotation(null, considered(grade, inLedger, order, null, busy));
      }
      RepInLedger pick = null;
      RepInLedger waitFor = null;
      List<RepInLedger> taking = new ArrayList<>();
      for (RepInLedger rep : order) {
        if (held.contains(rep.repId())) {
          pick = rep;
          break;
        }
        // A rep held by another transaction counts as one lead further on; the lead goes on to
        // the next rep only if the next would come first even so.
        Optional<RepInLedger> stillAhead =
            taking.stream().filter(other -> aheadOnceCounted(other, rep)).findFirst();
        if (stillAhead.isPresent()) {
          waitFor = stillAhead.get();
          break;
        }
        if (claims.claimIfFree(rep.repId())) {
          held.add(rep.repId());
          pick = rep;
          break;
        }
        taking.add(rep);
        busy.put(
            rep.repId(),
            "was busy with another lead or change at that moment ("
                + rep.assigned()
                + " grade "
                + grade
                + " leads at weight "
                + rep.weight()
                + " before it), so the lead went on to the next rep");
      }
      if (pick == null) {
        // Never wait for one rep while holding another (two transactions could wait for each
        // other): a rep this transaction holds who can take the lead takes it.
        pick = order.stream().filter(rep -> held.contains(rep.repId())).findFirst().orElse(null);
      }
      if (pick == null) {
        // Whoever should take it is held by another transaction: wait for them, then look again.
        RepInLedger first = waitFor != null ? waitFor : order.get(0);
        claims.claim(first.repId());
        held.add(first.repId());
        continue;
      }
      // Held, the rep's settings, line of the ledger and open leads are read again as they are.
      em.refresh(repsById.get(pick.repId()));
      RepInLedger now = inLedger(team, List.of(repsById.get(pick.repId())), grade, period).get(0);
      if (!now.available() || (now.assigned() != pick.assigned() && look < LOOKS)) {
        continue;
      }
      Rep chosen = repsById.get(now.repId());
      counted(team, lead, chosen);
      return new Rotation(chosen, considered(grade, inLedger, order, now, busy));
    }
  }

  /**
   * Whether a rep being given another lead, counted with that lead, still comes before this rep in
   * the ledger (fewer leads for their weight).
   */
  private static boolean aheadOnceCounted(RepInLedger taking, RepInLedger next) {
    return (long) (taking.assigned() + 1) * next.weight()
        < (long) next.assigned() * taking.weight();
  }

  private static List<RoutingCandidate> considered(
      String grade,
      List<RepInLedger> inLedger,
      List<RepInLedger> order,
      RepInLedger chosen,
      Map<String, String> busy) {
    return FairRotation.candidates(grade, inLedger, order, chosen, busy).stream()
        .map(c -> new RoutingCandidate(c.repId(), c.chosen(), c.reason()))
        .toList();
  }

  /**
   * The reps as the ledger shows them once the team's catch-up policy has credited those back from
   * an absence. A credit is written by the transaction holding the rep, from the ledger as it
   * stands once held, so it is written once; a rep another transaction holds is credited here only
   * for this look.
   */
  private List<RepInLedger> caughtUp(
      Team team, List<Rep> reps, String grade, String period, Set<String> held) {
    List<RepInLedger> inLedger = inLedger(team, reps, grade, period);
    Map<String, Integer> credits = FairRotation.catchUpCredits(inLedger, team.catchUpPolicy());
    boolean reread = false;
    for (String repId : credits.keySet()) {
      if (held.contains(repId) || claims.claimIfFree(repId)) {
        held.add(repId);
        inLedger = inLedger(team, reps, grade, period);
        reread = true;
        Integer credit = FairRotation.catchUpCredits(inLedger, team.catchUpPolicy()).get(repId);
        if (credit != null) {
          ledger.credit(team.getId(), period, grade, repId, credit);
        }
      }
    }
    if (reread) {
      inLedger = inLedger(team, reps, grade, period);
      credits = FairRotation.catchUpCredits(inLedger, team.catchUpPolicy());
    }
    Map<String, Integer> forThisLook = credits;
    return inLedger.stream()
        .map(
            rep ->
                forThisLook.containsKey(rep.repId())
                    ? rep.credit(forThisLook.get(rep.repId()))
                    : rep)
        .toList();
  }

  /** The reps as the ledger and their availability show them now, read afresh. */
  private List<RepInLedger> inLedger(Team team, List<Rep> reps, String grade, String period) {
    Map<String, FairnessLedger.Standing> standings = ledger.standings(team.getId(), period, grade);
    List<RepInRotation> states = availability.inRotation(reps, clock.instant(), grade);
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
              standings.getOrDefault(rep.getId(), NOTHING_YET).counted(),
              rep.getLastAssignment(),
              standings.getOrDefault(rep.getId(), NOTHING_YET).credited()));
    }
    return inLedger;
  }

  /** Counts the lead in the rep's line of the team's ledger; the caller holds the rep. */
  private void counted(Team team, Lead lead, Rep rep) {
    ledger.count(team.getId(), ledger.period(), lead.getScore().grade(), rep.getId());
    ledger.lastAssignment(rep.getId());
  }
}
