package dev.accord.routes.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A mail's source as fetched from the server, held in memory once so that reading, hashing and
 * quarantining all see the same bytes, and bounded so that a huge mail cannot exhaust the heap.
 *
 * @param bytes the source, or only its beginning when {@link #size()} is larger
 * @param size the whole source's length in bytes
 * @param sha256 hex SHA-256 of the whole source
 */
record RawMail(byte[] bytes, long size, String sha256) {

  /** What a quarantined item keeps of the source: enough to recognise and usually replay it. */
  static final int QUARANTINE_CONTENT_MAX = 64 * 1024;

  /**
   * Reads the whole source once, hashing all of it but keeping at most {@code keep} bytes.
   *
   * @throws MessagingException or IOException when the server cannot deliver it, which is worth a
   *     retry
   */
  static RawMail capture(Part mail, long keep) throws MessagingException, IOException {
    BoundedCopy copy = new BoundedCopy(keep);
    mail.writeTo(copy);
    return copy.toRawMail();
  }

  /**
   * The Message-ID as written in the header, or null. Only the header block is read, so this works
   * for mails too large or too broken to parse.
   */
  String messageId() {
    try {
      String id =
          new InternetHeaders(new ByteArrayInputStream(bytes)).getHeader("Message-ID", null);
      return id == null || id.isBlank() ? null : id.strip();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** Identifies the mail however often it is delivered, for the lead id and for a replay. */
  String idempotencyKey() {
    String messageId = messageId();
    return messageId != null ? "mail:" + messageId : "mail-sha256:" + sha256;
  }

  /** What a person reads to recognise the mail: its Message-ID, or its hash when it has none. */
  String reference() {
    String messageId = messageId();
    return messageId != null ? messageId : "sha256:" + sha256;
  }

  /**
   * The first 64 KiB of the source as text: UTF-8 when it is (mails are mostly ASCII), else
   * ISO-8859-1, which keeps every byte so the source can be restored for a replay.
   */
  String quarantineContent() {
    int length = Math.min(bytes.length, QUARANTINE_CONTENT_MAX);
    // Do not cut a UTF-8 sequence in two, or valid UTF-8 would look invalid.
    int cut = length;
    if (length < bytes.length) {
      while (cut > 0 && length - cut < 3 && (bytes[cut] & 0xC0) == 0x80) {
        cut--;
      }
    }
    byte[] head = Arrays.copyOf(bytes, cut);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(head))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(Arrays.copyOf(bytes, length), StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public String toString() {
    return "RawMail[size=" + size + ", sha256=" + sha256 + "]";
  }

  private static final class BoundedCopy extends OutputStream {
    private final long keep;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final MessageDigest sha256;
    private long size;

    BoundedCopy(long keep) {
      this.keep = keep;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java runtime has SHA-256", e);
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      sha256.update(b, off, len);
      long room = keep - kept.size();
      if (room > 0) {
        kept.write(b, off, (int) Math.min(room, len));
      }
      size += len;
    }

    RawMail toRawMail() {
      return new RawMail(kept.toByteArray(), size, HexFormat.of().formatHex(sha256.digest()));
    }
  }
}
