package dev.accord.sla.control;

/**
 * An activity as a client sent it, every field still text so that each mistake can be named.
 *
 * @param type {@code touch}, {@code accept}, {@code reject}, ... (see {@link
 *     dev.accord.rules.sla.Activity})
 * @param by the rep id for sales activities; who supplied the data for {@code complete-data}
 * @param at ISO-8601 instant with offset; now if absent
 * @param reasonCode required for {@code reject}, one of the agreement's reject reasons
 * @param note free text
 */
public record ActivityRequest(String type, String by, String at, String reasonCode, String note) {}
