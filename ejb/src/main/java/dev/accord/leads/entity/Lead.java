package dev.accord.leads.entity;

import dev.accord.organisation.entity.Rep;
import dev.accord.organisation.entity.Team;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A lead Accord accepted, with the decision that scored and routed it, so anyone can ask later why
 * it went where it went.
 */
@Entity
@Table(name = "sales_lead")
public class Lead {

  @Id private UUID id;

  @Column(name = "intake_source")
  private String intakeSource;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  private LeadStatus status;

  private String email;

  @Column(name = "first_name")
  private String firstName;

  @Column(name = "last_name")
  private String lastName;

  private String company;

  private String title;

  private Integer employees;

  private String country;

  private String phone;

  @Column(name = "lead_source")
  private String leadSource;

  @Column(name = "requested_action")
  private String requestedAction;

  private String industry;

  private String message;

  @Convert(converter = AttributesColumn.class)
  private Map<String, String> attributes = new TreeMap<>();

  private String channel;

  @Column(name = "channel_reference")
  private String channelReference;

  private int engagements;

  @Column(name = "last_engaged_at")
  private Instant lastEngagedAt;

  @Column(name = "fit_score")
  private int fitScore;

  @Column(name = "engagement_score")
  private int engagementScore;

  private String grade;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "team_id")
  private Team team;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "rep_id")
  private Rep rep;

  @Column(name = "rulebook_version")
  private String rulebookVersion;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "lead_reason", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  private List<ScoreReason> reasons = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "lead_candidate", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  private List<RoutingCandidate> candidates = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "lead_event", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  private List<LeadEvent> history = new ArrayList<>();

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "lead_activity", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  private List<LeadActivity> activities = new ArrayList<>();

  /** As many custom attributes as one submission may carry, and as a merged lead keeps. */
  public static final int MAX_ATTRIBUTES = 20;

  protected Lead() {}

  /** The contact as the intake channel normalised it. */
  public record Contact(
      String email,
      String firstName,
      String lastName,
      String company,
      String title,
      Integer employees,
      String country,
      String phone,
      String leadSource,
      String requestedAction,
      String industry) {}

  /**
   * How the lead arrived and what it said beyond the contact.
   *
   * @param channel {@code api}, {@code form}, {@code webhook}, {@code mail}, {@code file}, {@code
   *     sftp} or {@code jms}
   * @param channelReference what identifies it on that channel, if anything
   * @param message what the person wrote, if anything
   * @param attributes custom values by lower-case name
   */
  public record Arrival(
      String channel, String channelReference, String message, Map<String, String> attributes) {}

  /** The scores and grade the rulebook gave, with the rules behind them. */
  public record Score(
      int fit, int engagement, String grade, List<ScoreReason> reasons, String rulebookVersion) {}

  public Lead(
      UUID id,
      String intakeSource,
      String externalId,
      Instant receivedAt,
      Contact contact,
      Arrival arrival,
      Score score,
      Instant decidedAt) {
    this.id = id;
    this.intakeSource = intakeSource;
    this.externalId = externalId;
    this.receivedAt = receivedAt;
    this.email = contact.email();
    this.firstName = contact.firstName();
    this.lastName = contact.lastName();
    this.company = contact.company();
    this.title = contact.title();
    this.employees = contact.employees();
    this.country = contact.country();
    this.phone = contact.phone();
    this.leadSource = contact.leadSource();
    this.requestedAction = contact.requestedAction();
    this.industry = contact.industry();
    this.channel = arrival.channel();
    this.channelReference = arrival.channelReference();
    this.message = arrival.message();
    this.attributes = new TreeMap<>(arrival.attributes());
    this.engagements = 1;
    this.lastEngagedAt = receivedAt;
    this.fitScore = score.fit();
    this.engagementScore = score.engagement();
    this.grade = score.grade();
    this.reasons.addAll(score.reasons());
    this.rulebookVersion = score.rulebookVersion();
    this.decidedAt = decidedAt;
    this.status = LeadStatus.UNROUTED;
  }

  /** Records that the lead went to this rep of this team, with every rep that was considered. */
  public void assignTo(Team team, Rep rep, List<RoutingCandidate> considered) {
    this.team = team;
    this.rep = rep;
    this.candidates.clear();
    this.candidates.addAll(considered);
    // An accepted lead stays accepted with its new owner.
    if (status != LeadStatus.ACCEPTED || rep == null) {
      this.status = rep == null ? LeadStatus.UNROUTED : LeadStatus.ROUTED;
    }
  }

  /** Whether the lead is finished: rejected, disqualified or converted. */
  public boolean isClosed() {
    return status == LeadStatus.REJECTED
        || status == LeadStatus.DISQUALIFIED
        || status == LeadStatus.CONVERTED;
  }

  public void record(LeadEvent event) {
    history.add(event);
  }

  /**
   * Puts an account owner who could not take the lead first among the reps considered, with why;
   * they replace the owner's own line from the team's rotation, if any.
   */
  public void passedOver(RoutingCandidate owner) {
    candidates.removeIf(c -> c.getRepId().equals(owner.getRepId()));
    candidates.add(0, owner);
  }

  /**
   * Records what a rep (or marketing) did about the lead; accepting, rejecting, disqualifying and
   * converting move the lead's status.
   */
  public void record(LeadActivity activity, Instant recordedAt) {
    activities.add(activity);
    switch (activity.activity()) {
      case ACCEPT -> status = LeadStatus.ACCEPTED;
      case REJECT -> status = LeadStatus.REJECTED;
      case DISQUALIFY -> status = LeadStatus.DISQUALIFIED;
      case CONVERT -> status = LeadStatus.CONVERTED;
      default -> {}
    }
    history.add(new LeadEvent(recordedAt, LeadEvent.Type.ACTIVITY, activity.describe()));
  }

  /** Hands the lead to another rep of its team, e.g. after its owner breached a clock. */
  public void reassign(Rep newRep, List<RoutingCandidate> considered, LeadEvent event) {
    if (this.rep == null && status == LeadStatus.UNROUTED) {
      // a lead waiting in its team's queue has an owner now
      this.status = LeadStatus.ROUTED;
    }
    this.rep = newRep;
    this.candidates.clear();
    this.candidates.addAll(considered);
    history.add(event);
  }

  /**
   * Fills the blanks of the contact from a later submission of the same person (what the lead
   * already says is kept) and adds its custom attributes.
   */
  public void fillIn(Contact later, Map<String, String> laterAttributes) {
    firstName = firstName == null ? later.firstName() : firstName;
    lastName = lastName == null ? later.lastName() : lastName;
    company = company == null ? later.company() : company;
    title = title == null ? later.title() : title;
    employees = employees == null ? later.employees() : employees;
    phone = phone == null ? later.phone() : phone;
    industry = industry == null ? later.industry() : industry;
    // What the lead already says is kept; new names are added while the lead has room for them,
    // so a person posting again and again cannot grow the lead without bound.
    Map<String, String> combined = new TreeMap<>(attributes);
    for (Map.Entry<String, String> added : new TreeMap<>(laterAttributes).entrySet()) {
      if (combined.size() >= MAX_ATTRIBUTES) {
        break;
      }
      combined.putIfAbsent(added.getKey(), added.getValue());
    }
    attributes = combined;
  }

  /** Counts a later submission of the same person as new engagement, with its history entry. */
  public void engagedAgain(Instant at, LeadEvent merged) {
    engagements++;
    if (at.isAfter(lastEngagedAt)) {
      lastEngagedAt = at;
    }
    history.add(merged);
  }

  /**
   * Adopts a new score if the rules now think more of the lead (fit and engagement together); a
   * returning person never loses the grade they had.
   *
   * @return whether the score changed
   */
  public boolean raiseScore(Score rescored, LeadEvent rescoredEvent) {
    if (rescored.fit() + rescored.engagement() <= fitScore + engagementScore) {
      return false;
    }
    fitScore = rescored.fit();
    engagementScore = rescored.engagement();
    grade = rescored.grade();
    reasons.clear();
    reasons.addAll(rescored.reasons());
    rulebookVersion = rescored.rulebookVersion();
    history.add(rescoredEvent);
    return true;
  }

  /** The facts the rules saw, with the contact as it stands now. */
  public Map<String, String> getAttributes() {
    return Map.copyOf(attributes);
  }

  public Arrival getArrival() {
    return new Arrival(channel, channelReference, message, getAttributes());
  }

  public int getEngagements() {
    return engagements;
  }

  public Instant getLastEngagedAt() {
    return lastEngagedAt;
  }

  public List<LeadActivity> getActivities() {
    return List.copyOf(activities);
  }

  public UUID getId() {
    return id;
  }

  public String getIntakeSource() {
    return intakeSource;
  }

  public String getExternalId() {
    return externalId;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public LeadStatus getStatus() {
    return status;
  }

  public Contact getContact() {
    return new Contact(
        email,
        firstName,
        lastName,
        company,
        title,
        employees,
        country,
        phone,
        leadSource,
        requestedAction,
        industry);
  }

  public Score getScore() {
    return new Score(fitScore, engagementScore, grade, List.copyOf(reasons), rulebookVersion);
  }

  public Team getTeam() {
    return team;
  }

  public Rep getRep() {
    return rep;
  }

  public List<RoutingCandidate> getCandidates() {
    return List.copyOf(candidates);
  }

  public List<LeadEvent> getHistory() {
    return List.copyOf(history);
  }
}
