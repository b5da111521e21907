package dev.accord.leads.entity;

import dev.accord.rules.sla.Activity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Something a rep or marketing did about a lead: a touch, an accept, a reject with its reason. */
@Embeddable
public class LeadActivity {

  private String type;

  @Column(name = "done_by")
  private String doneBy;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "reason_code")
  private String reasonCode;

  private String note;

  protected LeadActivity() {}

  public LeadActivity(
      Activity activity,
      String doneBy,
      Instant occurredAt,
      Instant recordedAt,
      String reasonCode,
      String note) {
    this.type = activity.name();
    this.doneBy = doneBy;
    this.occurredAt = occurredAt;
    this.recordedAt = recordedAt;
    this.reasonCode = reasonCode;
    this.note = note;
  }

  public Activity activity() {
    return Activity.valueOf(type);
  }

  public String getDoneBy() {
    return doneBy;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getReasonCode() {
    return reasonCode;
  }

  public String getNote() {
    return note;
  }

  String describe() {
    return activity().apiName()
        + " by "
        + doneBy
        + (reasonCode == null ? "" : " (reason: " + reasonCode + ")")
        + (note == null ? "" : ": " + note);
  }
}
