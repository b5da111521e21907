/**
 * The vocabulary the rules speak: the facts a rule file can match on, and nothing that depends on
 * how a lead arrived or where it is stored.
 */
package dev.accord.rules.lead;
