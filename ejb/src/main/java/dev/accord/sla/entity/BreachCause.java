package dev.accord.sla.entity;

/** Why a clock breached, as both heads will argue it; names are part of the API. */
public enum BreachCause {
  /** No rep of the team could take the lead, so nobody owed the work. */
  NO_ELIGIBLE_REP,
  /** The team was outside its working hours when a round-the-clock term breached. */
  OUT_OF_HOURS,
  /** The lead lacked the contact data the owner needed to act. */
  MISSING_DATA,
  /** The owner had the lead and recorded nothing that satisfies the clock. */
  NO_ACTION
}
