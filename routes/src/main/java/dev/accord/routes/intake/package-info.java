/**
 * Lead intake: the Camel flows that take a lead in from a channel, reject bad input with field
 * errors, and put each accepted lead on the leads queue exactly as {@link
 * dev.accord.routes.intake.IncomingLead}.
 *
 * <p>Belongs here: the single parse-validate-normalise path every channel shares (the HTTP/JSON
 * flow, which the mail and partner channels in the sibling packages feed through {@link
 * dev.accord.routes.intake.FieldMapping}), the route configuration that owns its error handling,
 * and the contracts channels share ({@link dev.accord.routes.intake.Quarantine}, {@link
 * dev.accord.routes.intake.IntakeHeaders}), so that a lead means the same thing whichever way it
 * arrived. Does not belong here: scoring, routing or persistence, which start from the queue.
 */
package dev.accord.routes.intake;
