package dev.accord.intake.control;

import dev.accord.platform.configuration.AccordSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Tells who a bearer key belongs to: an intake source, which sends leads and reads its own, or an
 * operator, who reads every source's leads and works the held inputs.
 */
@ApplicationScoped
public class IntakeSources {

  @Inject AccordSettings settings;

  /**
   * Who is calling.
   *
   * @param name the intake source, or the operator's name as the history records it ({@code
   *     operator}, {@code operator ana.costa})
   * @param operator whether the key is an operator's
   */
  public record Caller(String name, boolean operator) {

    /** Whether this caller may see what came from the given source. */
    public boolean reads(String intakeSource) {
      return operator || name.equals(intakeSource);
    }
  }

  public Optional<Caller> authenticate(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    byte[] offered = key.getBytes(StandardCharsets.UTF_8);
    // Compare every key in constant time, so response times reveal nothing about valid keys.
    Caller caller = null;
    for (Map.Entry<String, String> entry : settings.intakeSourcesByKey().entrySet()) {
      if (MessageDigest.isEqual(offered, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        caller = new Caller(entry.getValue(), false);
      }
    }
    for (Map.Entry<String, String> operator : settings.operatorKeys().entrySet()) {
      if (MessageDigest.isEqual(offered, operator.getKey().getBytes(StandardCharsets.UTF_8))) {
        caller = new Caller(operator.getValue(), true);
      }
    }
    return Optional.ofNullable(caller);
  }
}
