package dev.accord.intake.control;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A source whose requests must be signed with a shared secret ({@code X-Accord-Signature}).
 *
 * @param secret the shared secret, at least 32 characters; {@code env:NAME} reads it from the
 *     environment variable NAME so the file need not hold it
 */
public record SignedSource(@JsonProperty(required = true) String secret) {

  public SignedSource {
    if (secret != null && secret.startsWith("env:")) {
      String variable = secret.substring(4);
      secret = System.getenv(variable);
      if (secret == null) {
        throw new IllegalArgumentException(
            "secret: environment variable " + variable + " is not set");
      }
    }
    if (secret == null || secret.length() < 32) {
      // The length only: a secret is never echoed.
      throw new IllegalArgumentException("secret must be at least 32 characters long");
    }
  }

  @Override
  public String toString() {
    return "SignedSource[secret=(hidden)]";
  }
}
