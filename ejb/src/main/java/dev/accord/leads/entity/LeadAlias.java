package dev.accord.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A submission that was merged into another lead of the same person: its id still answers, and the
 * same message delivered again is recognised and merged only once.
 */
@Entity
@Table(name = "lead_alias")
public class LeadAlias {

  @Id
  @Column(name = "submission_id")
  private UUID submissionId;

  @Column(name = "lead_id")
  private UUID leadId;

  @Column(name = "intake_source")
  private String intakeSource;

  @Column(name = "received_at")
  private Instant receivedAt;

  protected LeadAlias() {}

  public LeadAlias(UUID submissionId, UUID leadId, String intakeSource, Instant receivedAt) {
    this.submissionId = submissionId;
    this.leadId = leadId;
    this.intakeSource = intakeSource;
    this.receivedAt = receivedAt;
  }

  public UUID getSubmissionId() {
    return submissionId;
  }

  public String getIntakeSource() {
    return intakeSource;
  }

  public UUID getLeadId() {
    return leadId;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
