package dev.accord.routes.partners;

import java.util.Optional;

/**
 * Remembers which file contents a partner's feed has taken in full, so that the same file uploaded
 * again (under any name) is recognised and produces no leads. Implemented by the deployment with a
 * table keyed by partner id and SHA-256.
 *
 * <p>A content is recorded only after all its rows were handed over: a file whose intake failed
 * half-way stays unrecorded and is read again at the next poll, where the rows' idempotency keys
 * keep the rows already sent from becoming second leads.
 */
public interface ProcessedFiles {

  /** The name under which a file with this content was taken before, if it was. */
  Optional<String> earlierFileName(String partnerId, String sha256);

  /**
   * Records that a file with this content was taken in full under {@code fileName}.
   *
   * @return false if it had been recorded already (another poller took the same content at the same
   *     time); the earlier record is kept
   */
  boolean firstTime(String partnerId, String sha256, String fileName);
}
