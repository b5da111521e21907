/**
 * What intake keeps besides leads: inputs a channel could not accept (held for an operator), the
 * partner files already taken, why a lead's delivery failed, and the signatures already seen.
 */
package dev.accord.intake.entity;
