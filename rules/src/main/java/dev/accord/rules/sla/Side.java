package dev.accord.rules.sla;

/** The two parties to the joint service-level agreement; every clock is owed by one of them. */
public enum Side {
  SALES,
  MARKETING
}
