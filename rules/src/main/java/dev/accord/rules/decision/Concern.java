package dev.accord.rules.decision;

/**
 * The part of a decision a rule contributed to, so a receipt can group reasons the way users ask.
 */
public enum Concern {
  FIT,
  ENGAGEMENT,
  GRADE,
  ROUTING
}
