package dev.accord.intake.control;

import dev.accord.platform.configuration.AccordSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Tells which intake source a bearer key belongs to, so every lead carries where it came from. */
@ApplicationScoped
public class IntakeSources {

  @Inject AccordSettings settings;

  public Optional<String> authenticate(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    byte[] offered = key.getBytes(StandardCharsets.UTF_8);
    // Compare every key in constant time, so response times reveal nothing about valid keys.
    String source = null;
    for (Map.Entry<String, String> entry : settings.intakeSourcesByKey().entrySet()) {
      if (MessageDigest.isEqual(offered, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        source = entry.getValue();
      }
    }
    return Optional.ofNullable(source);
  }
}
