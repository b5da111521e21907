package dev.accord.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A rep who was considered for a lead, and why they got it or were passed over. */
@Embeddable
public class RoutingCandidate {

  @Column(name = "rep_id")
  private String repId;

  private boolean chosen;

  private String reason;

  protected RoutingCandidate() {}

  public RoutingCandidate(String repId, boolean chosen, String reason) {
    this.repId = repId;
    this.chosen = chosen;
    this.reason = reason;
  }

  public String getRepId() {
    return repId;
  }

  public boolean isChosen() {
    return chosen;
  }

  public String getReason() {
    return reason;
  }
}
