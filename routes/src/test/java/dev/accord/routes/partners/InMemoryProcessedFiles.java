package dev.accord.routes.partners;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The processed-files table of a test, held in memory. */
final class InMemoryProcessedFiles implements ProcessedFiles {

  private final Map<String, String> firstNames = new ConcurrentHashMap<>();

  @Override
  public Optional<String> earlierFileName(String partnerId, String sha256) {
    return Optional.ofNullable(firstNames.get(partnerId + ":" + sha256));
  }

  @Override
  public boolean firstTime(String partnerId, String sha256, String fileName) {
    return firstNames.putIfAbsent(partnerId + ":" + sha256, fileName) == null;
  }

  Map<String, String> recorded() {
    return Map.copyOf(firstNames);
  }
}
