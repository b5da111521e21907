package dev.accord.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One entry of a lead's history: what happened to it, when. */
@Embeddable
public class LeadEvent {

  /** What kind of thing happened; names are part of the API. */
  public enum Type {
    RECEIVED,
    SCORED,
    ASSIGNED,
    UNROUTED,
    RESUBMITTED,
    ACTIVITY,
    REROUTED,
    /** The same person came in again and the submission was merged into this lead. */
    MERGED,
    /** The merged submission made the rules think more of the lead. */
    RESCORED
  }

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "type")
  private String type;

  private String detail;

  protected LeadEvent() {}

  public LeadEvent(Instant occurredAt, Type type, String detail) {
    this.occurredAt = occurredAt;
    this.type = type.name();
    this.detail = detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getType() {
    return type;
  }

  public String getDetail() {
    return detail;
  }
}
