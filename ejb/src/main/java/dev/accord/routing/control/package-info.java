/**
 * Decides a lead with the rulebook and hands it to a rep of the chosen team, in one transaction.
 */
package dev.accord.routing.control;
