package dev.accord.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a request body only up to a limit, so a 10 MB body costs no more than the limit before it
 * is refused, whatever Content-Length claimed.
 */
public final class BoundedBodies {

  private BoundedBodies() {}

  /** The body, or empty if it is longer than {@code maxBytes}. */
  public static Optional<byte[]> read(InputStream body, int maxBytes) {
    if (body == null) {
      return Optional.of(new byte[0]);
    }
    try {
      byte[] read = body.readNBytes(maxBytes + 1);
      return read.length > maxBytes ? Optional.empty() : Optional.of(read);
    } catch (IOException e) {
      throw new UncheckedIOException("The request body could not be read", e);
    }
  }
}
