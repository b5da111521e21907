package dev.accord.intake.control;

import dev.accord.platform.configuration.AccordSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature of a source that must sign its requests: {@code X-Accord-Signature:
 * sha256=<hex HMAC-SHA256 of timestamp + "." + raw body>} with {@code X-Accord-Timestamp} in Unix
 * seconds, within five minutes of the server's clock, and never seen before.
 */
@ApplicationScoped
public class RequestSignatures {

  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String PREFIX = "sha256=";

  @Inject AccordSettings settings;

  @Inject Clock clock;

  @EJB SeenSignatures seen;

  /** Why a signed request was refused; the message is safe to show the sender. */
  public static class RefusedException extends RuntimeException {
    public RefusedException(String reason) {
      super(reason);
    }
  }

  public boolean required(String intakeSource) {
    return settings.channels().signedSources().containsKey(intakeSource);
  }

  /**
   * Checks a request's signature and records it as used.
   *
   * @return the signature recorded, to {@link #forget} if the request then fails (a retry of the
   *     same signed request must not be refused as a replay of a failure); empty if the source does
   *     not sign
   * @throws RefusedException when the signature is missing, forged, for another body, stale or seen
   *     before
   */
  public Optional<String> verify(
      String intakeSource, String timestamp, String signature, byte[] body) {
    SignedSource source = settings.channels().signedSources().get(intakeSource);
    if (source == null) {
      return Optional.empty();
    }
    if (timestamp == null || signature == null) {
      throw new RefusedException(
          "This source must sign its requests: send X-Accord-Timestamp and X-Accord-Signature.");
    }
    Instant signedAt = signedAt(timestamp.strip());
    Instant now = clock.instant();
    if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
      throw new RefusedException(
          "X-Accord-Timestamp is more than 5 minutes away from the server's time.");
    }
    byte[] offered = offered(signature.strip());
    byte[] expected = hmac(source.secret(), timestamp.strip(), body);
    if (!MessageDigest.isEqual(offered, expected)) {
      throw new RefusedException("X-Accord-Signature does not match the request.");
    }
    String hex = HexFormat.of().formatHex(expected);
    boolean firstTime;
    try {
      firstTime = seen.firstTime(hex, intakeSource, signedAt, now);
    } catch (jakarta.ejb.EJBException failed) {
      if (!duplicateKey(failed)) {
        throw failed;
      }
      // The same signature recorded by a request taken at the same moment.
      firstTime = false;
    }
    if (!firstTime) {
      throw new RefusedException("This signed request was already taken; sign every request anew.");
    }
    return Optional.of(hex);
  }

  /** Lets a signature be used again because the request it signed was not taken after all. */
  public void forget(String signature) {
    seen.forget(signature);
  }

  private static boolean duplicateKey(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** The signature a sender computes; public so that clients and tests share one definition. */
  public static byte[] hmac(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  private static Instant signedAt(String timestamp) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new RefusedException("X-Accord-Timestamp must be Unix time in seconds.");
    }
  }

  private static byte[] offered(String signature) {
    Optional<byte[]> hex = Optional.empty();
    if (signature.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      try {
        hex = Optional.of(HexFormat.of().parseHex(signature.substring(PREFIX.length())));
      } catch (IllegalArgumentException e) {
        hex = Optional.empty();
      }
    }
    return hex.orElseThrow(
        () -> new RefusedException("X-Accord-Signature must be sha256=<hex HMAC-SHA256>."));
  }
}
