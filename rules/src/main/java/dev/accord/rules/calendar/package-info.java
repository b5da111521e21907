/**
 * Business calendars: when a team works, in its own time zone, so that a deadline such as "four
 * business hours" means the same to the engine as to the rep. Calendars are read from the
 * rulebook's {@code calendars/*.yaml} files; every problem in them is reported with file and line.
 */
package dev.accord.rules.calendar;
