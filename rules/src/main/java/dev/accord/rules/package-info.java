/**
 * The rule engine facade: compiling a rulebook folder from disk into something that decides a lead,
 * and telling a business user exactly what is wrong when it cannot. Only this package talks to
 * Drools; callers see {@link dev.accord.rules.Rulebook} and its rejection.
 */
package dev.accord.rules;
