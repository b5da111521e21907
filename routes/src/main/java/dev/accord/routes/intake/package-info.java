/**
 * Lead intake: the Camel flows that take a lead in from a channel, reject bad input with field
 * errors, and put each accepted lead on the leads queue exactly as {@link
 * dev.accord.routes.intake.IncomingLead}.
 *
 * <p>Belongs here: one {@code RouteBuilder} per inbound channel (HTTP/JSON today; e-mail, files and
 * SFTP later), the route configuration that owns their error handling, and the single
 * parse-validate-normalise path every channel shares, so that a lead means the same thing whichever
 * way it arrived. Does not belong here: scoring, routing or persistence, which start from the
 * queue.
 */
package dev.accord.routes.intake;
