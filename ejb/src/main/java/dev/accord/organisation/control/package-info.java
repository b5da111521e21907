/**
 * Keeps the sales organisation as data: teams, reps, department heads and accounts, changed through
 * the API or imported from CSV, each value checked the same way for both and every problem named by
 * its field (or row and column).
 */
package dev.accord.organisation.control;
