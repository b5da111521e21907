/**
 * Partner feeds: the flows that take leads in from a partner's files (a local folder or an SFTP
 * directory, CSV or JSON lines) and from a partner's JMS queue, and hand each row or message to the
 * one intake flow of {@link dev.accord.routes.intake}.
 *
 * <p>Belongs here: the partner's settings, reading a feed file into rows, the rejects file a
 * partner gets back, and the routes that poll and consume. Does not belong here: validation and
 * normalisation of a lead (the intake flow owns them, so a partner's lead means what a web form's
 * does) and the storage behind {@link dev.accord.routes.partners.ProcessedFiles} and {@link
 * dev.accord.routes.intake.Quarantine}, which the deployment supplies.
 */
package dev.accord.routes.partners;
