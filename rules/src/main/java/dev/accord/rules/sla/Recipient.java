package dev.accord.rules.sla;

/** Who a stage of a clock notifies: the escalation chain a term sets out. */
public enum Recipient {
  /** The rep who owns the lead. */
  REP,
  /** The manager of the lead's team. */
  MANAGER,
  HEAD_OF_SALES,
  HEAD_OF_MARKETING,
  /** Both department heads. */
  HEADS
}
