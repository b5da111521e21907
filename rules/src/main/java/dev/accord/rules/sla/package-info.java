/**
 * The vocabulary of the joint service-level agreement as rules speak it: the sides, the activities
 * that drive clocks, business-time targets, and the sheet SLA rules start clocks on ({@link
 * dev.accord.rules.sla.SlaTerms}), plus the agreement's settings file ({@link
 * dev.accord.rules.sla.Agreement}).
 */
package dev.accord.rules.sla;
