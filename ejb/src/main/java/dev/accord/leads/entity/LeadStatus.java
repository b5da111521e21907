package dev.accord.leads.entity;

/** Where a lead stands in its life with Accord. */
public enum LeadStatus {
  /** Scored and assigned to a rep. */
  ROUTED,
  /** Scored, but no team or no available rep could take it; it waits for a person to route it. */
  UNROUTED,
  /** Sales accepted the lead (a sales-accepted lead). */
  ACCEPTED,
  /** Sales rejected the lead with a reason code. */
  REJECTED,
  /** The lead turned out to be no prospect. */
  DISQUALIFIED,
  /** The lead became an opportunity. */
  CONVERTED
}
