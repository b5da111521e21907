/**
 * The e-mail channel: polls an IMAP mailbox and turns each mail, a form tool's notification or a
 * prospect's own mail, into a lead for the shared intake flow.
 *
 * <p>Belongs here: the mailbox's settings, the route that polls it and files each mail away (done
 * or quarantine) only once its fate is certain, and the pure reading of a mail into lead fields.
 * Does not belong here: validation and normalisation, which every channel shares in {@code
 * dev.accord.routes.intake}.
 */
package dev.accord.routes.mail;
