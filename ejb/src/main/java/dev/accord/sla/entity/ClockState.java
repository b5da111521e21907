package dev.accord.sla.entity;

/** Where an SLA clock stands; names are part of the API. */
public enum ClockState {
  /** Counting business time towards its due time. */
  RUNNING,
  /** Not counting, e.g. while the rep waits on the prospect. */
  PAUSED,
  /** Satisfied before its due time. */
  MET,
  /** Passed its due time; stays breached even when satisfied later. */
  BREACHED
}
