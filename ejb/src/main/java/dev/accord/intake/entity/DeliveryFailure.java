package dev.accord.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How often a lead's delivery failed and the last reason, written outside the failing work. */
@Entity
@Table(name = "intake_delivery_failure")
public class DeliveryFailure {

  @Id
  @Column(name = "lead_id")
  private UUID leadId;

  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_failed_at")
  private Instant lastFailedAt;

  protected DeliveryFailure() {}

  public DeliveryFailure(UUID leadId) {
    this.leadId = leadId;
  }

  public void failed(String error, Instant at) {
    attempts++;
    lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
    lastFailedAt = at;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }
}
