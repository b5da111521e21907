/**
 * Choosing a rep inside the team the rules picked: a plain, explainable rotation in Java, because
 * fairness between reps is bookkeeping, not a business rule users edit.
 */
package dev.accord.rules.routing;
