package dev.accord.rulebook.control;

import dev.accord.rules.RulebookProblem;
import java.time.Instant;
import java.util.List;

/**
 * What the server decides with and what became of the last change to the rulebook folder.
 *
 * @param liveVersion the version every new decision names
 * @param liveSince when it went live
 * @param liveFrom {@code FOLDER} (compiled from the rulebook folder) or {@code LAST_PUBLISHED} (the
 *     folder was broken at startup; the last version that went live is served from the store)
 * @param lastAttempt the last time the folder was compiled
 */
public record RulebookStatus(
    String liveVersion, Instant liveSince, LiveFrom liveFrom, Attempt lastAttempt) {

  /** Where the live rules came from. */
  public enum LiveFrom {
    FOLDER,
    LAST_PUBLISHED
  }

  /** What a compile of the folder ended in. */
  public enum Outcome {
    /** It compiled and went live. */
    PUBLISHED,
    /** It compiled to the version already live. */
    UNCHANGED,
    /** It did not compile; the live version keeps serving. */
    REJECTED
  }

  /**
   * One compile of the folder.
   *
   * @param version the version it compiled to, or null if it was rejected
   * @param problems why it was rejected, with file and line
   */
  public record Attempt(
      Instant at, Outcome outcome, String version, List<RulebookProblem> problems) {}
}
