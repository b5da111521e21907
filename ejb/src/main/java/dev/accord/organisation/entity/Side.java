package dev.accord.organisation.entity;

/** The two parties to the joint service-level agreement. */
public enum Side {
  SALES,
  MARKETING
}
