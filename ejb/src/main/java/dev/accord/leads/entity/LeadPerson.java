package dev.accord.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One person, known by their normalised e-mail, and the lead their submissions go to. Its primary
 * key is the e-mail, so two consumers taking two submissions of one person at once cannot both make
 * a lead: the second insert fails, its message is redelivered, and it merges.
 */
@Entity
@Table(name = "lead_person")
public class LeadPerson {

  @Id private String email;

  @Column(name = "lead_id")
  private UUID leadId;

  @Column(name = "last_engaged_at")
  private Instant lastEngagedAt;

  protected LeadPerson() {}

  public LeadPerson(String email, UUID leadId, Instant engagedAt) {
    this.email = email;
    this.leadId = leadId;
    this.lastEngagedAt = engagedAt;
  }

  /** Whether a submission at this instant still belongs to the person's current lead. */
  public boolean engagedWithin(java.time.Duration window, Instant at) {
    return !lastEngagedAt.plus(window).isBefore(at);
  }

  public void engaged(Instant at) {
    if (at.isAfter(lastEngagedAt)) {
      lastEngagedAt = at;
    }
  }

  /** The person came back after the window: their new lead is the one to merge into from now. */
  public void startedAnew(UUID newLeadId, Instant at) {
    leadId = newLeadId;
    lastEngagedAt = at;
  }

  public UUID getLeadId() {
    return leadId;
  }
}
