package dev.accord.rulebook.control;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookProblem;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.calendar.BusinessCalendars;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.sla.Agreement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the rulebook every lead is decided by, and keeps it in step with the rulebook folder: a
 * saved change is compiled off the hot path and swapped in at once, a broken change is rejected
 * with its problems while the live version keeps serving, and a server started on a broken folder
 * serves the last version that went live.
 *
 * <p>A decision reads the live rulebook once, so a lead in flight during a swap is decided wholly
 * by one version, the one its receipt names.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveRulebook {

  private static final Logger LOG = Logger.getLogger(LiveRulebook.class.getName());

  @Inject AccordSettings settings;

  @Inject Clock clock;

  @Inject RulebookVocabulary vocabulary;

  @Resource ManagedScheduledExecutorService scheduler;

  private static final String AROUND_THE_CLOCK = "around-the-clock";

  // Compiles at startup before the compiler runs at full speed (docs/benchmarks.md, section 4).
  private static final int WARM_UP_COMPILES = 3;

  private volatile Rulebook rulebook;
  private volatile RulebookStatus status;
  private final AtomicLong attempts = new AtomicLong();
  // Guarded by this: the newest compile attempt whose outcome is the status.
  private long settledAttempt;
  private PublishedRulebooks published;
  private String folderFingerprint;
  private ScheduledFuture<?> watching;

  @PostConstruct
  void compile() {
    published = new PublishedRulebooks(settings.rulebookStore());
    folderFingerprint = RulebookFolder.fingerprint(settings.rulebookFolder());
    Instant now = clock.instant();
    try {
      Rulebook compiled = Rulebook.compile(settings.rulebookFolder(), false, settings.ruleBudget());
      published.publish(compiled, now, savedToFolder());
      goLive(compiled);
      status =
          new RulebookStatus(
              compiled.version(),
              now,
              RulebookStatus.LiveFrom.FOLDER,
              new RulebookStatus.Attempt(
                  now, RulebookStatus.Outcome.PUBLISHED, compiled.version(), List.of()));
      LOG.info(
          () -> "Rulebook " + compiled.version() + " compiled from " + settings.rulebookFolder());
    } catch (RulebookRejectedException rejected) {
      serveLastPublished(rejected, now);
    }
    scheduler.execute(this::warmUpCompiler);
    long every = settings.rulebookWatchInterval().toMillis();
    watching =
        scheduler.scheduleWithFixedDelay(
            this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Compiles the folder a few times and throws the results away, so that the first change a user
   * saves compiles at the speed of a warm server (about 0.6 s for the demo's 284 rules) rather than
   * of a cold one (1.4 s for the first reload after a restart; docs/benchmarks.md). Runs on the
   * scheduler, never on a lead's thread.
   */
  private void warmUpCompiler() {
    long started = System.nanoTime();
    for (int i = 0; i < WARM_UP_COMPILES; i++) {
      try {
        Rulebook.compile(settings.rulebookFolder(), true, settings.ruleBudget()).close();
      } catch (RulebookRejectedException | RuntimeException e) {
        // A broken folder warms the compiler as well; the watcher reports its problems.
      }
    }
    LOG.fine(
        () ->
            "Rule compiler warmed up in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms ("
                + WARM_UP_COMPILES
                + " compiles)");
  }

  private void serveLastPublished(RulebookRejectedException rejected, Instant now) {
    Optional<Path> last = published.current();
    if (last.isEmpty()) {
      throw new IllegalStateException(
          "The rulebook in "
              + settings.rulebookFolder()
              + " was rejected and no earlier version was ever published to fall back on: "
              + rejected.getMessage(),
          rejected);
    }
    try {
      Rulebook fallback = Rulebook.compile(last.get(), false, settings.ruleBudget());
      goLive(fallback);
      status =
          new RulebookStatus(
              fallback.version(),
              now,
              RulebookStatus.LiveFrom.LAST_PUBLISHED,
              new RulebookStatus.Attempt(
                  now, RulebookStatus.Outcome.REJECTED, null, rejected.problems()));
      LOG.severe(
          () ->
              "THE RULEBOOK IN "
                  + settings.rulebookFolder()
                  + " WAS REJECTED; serving the last published version "
                  + fallback.version()
                  + " until it is fixed. "
                  + rejected.getMessage());
    } catch (RulebookRejectedException storedBroken) {
      throw new IllegalStateException(
          "The rulebook was rejected and so was the last published version in " + last.get(),
          storedBroken);
    }
  }

  @PreDestroy
  void stopWatching() {
    if (watching != null) {
      watching.cancel(false);
    }
  }

  /**
   * Compiles the folder again if any file changed since the last look (names, sizes, times), and
   * swaps the result in if it compiled to a new version. Runs on the scheduler, never on a lead's
   * thread; a failure leaves the live version as it was.
   */
  void reloadIfChanged() {
    try {
      String now = RulebookFolder.fingerprint(settings.rulebookFolder());
      if (now.equals(folderFingerprint)) {
        return;
      }
      folderFingerprint = now;
      reload();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not look at the rulebook folder", e);
    }
  }

  /** Compiles the folder now; what came of it is the status's last attempt. */
  public RulebookStatus reload() {
    return reload(savedToFolder(), false);
  }

  /** Who published a version found in the folder (see {@link RulebookFolder#savedBy}). */
  private String savedToFolder() {
    return RulebookFolder.savedBy(settings.rulebookFolder());
  }

  /**
   * Publishes the folder even though some of its scenarios fail (never past a compile error); the
   * history records who forced it and how many scenarios it broke.
   */
  public RulebookStatus forcePastScenarios(String by) {
    return reload(by, true);
  }

  /**
   * Compiles the folder without holding the lock, since a business user's rules run while it is
   * checked (for as long as their budget allows), then settles the outcome under the lock; an
   * attempt that finishes after a later one has settled changes nothing.
   */
  private RulebookStatus reload(String by, boolean pastFailingScenarios) {
    long attempt = attempts.incrementAndGet();
    Instant now = clock.instant();
    Rulebook compiled = null;
    RulebookRejectedException rejected = null;
    try {
      compiled =
          Rulebook.compile(settings.rulebookFolder(), pastFailingScenarios, settings.ruleBudget());
    } catch (RulebookRejectedException refused) {
      rejected = refused;
    }
    synchronized (this) {
      if (attempt < settledAttempt) {
        if (compiled != null) {
          compiled.close();
        }
        return status;
      }
      settledAttempt = attempt;
      return settle(by, now, compiled, rejected);
    }
  }

  private RulebookStatus settle(
      String by, Instant now, Rulebook compiled, RulebookRejectedException rejected) {
    RulebookStatus before = status;
    if (compiled != null) {
      if (compiled.version().equals(rulebook.version())) {
        status =
            new RulebookStatus(
                before.liveVersion(),
                before.liveSince(),
                RulebookStatus.LiveFrom.FOLDER,
                new RulebookStatus.Attempt(
                    now, RulebookStatus.Outcome.UNCHANGED, compiled.version(), List.of()));
        compiled.close();
        return status;
      }
      published.publish(
          compiled,
          now,
          compiled.failedScenarios().isEmpty()
              ? by
              : by + " (forced past " + compiled.failedScenarios().size() + " failing scenarios)");
      goLive(compiled);
      status =
          new RulebookStatus(
              compiled.version(),
              now,
              RulebookStatus.LiveFrom.FOLDER,
              new RulebookStatus.Attempt(
                  now, RulebookStatus.Outcome.PUBLISHED, compiled.version(), List.of()));
      LOG.info(
          () ->
              "Rulebook "
                  + compiled.version()
                  + " is live (was "
                  + before.liveVersion()
                  + "), compiled from "
                  + settings.rulebookFolder());
    } else {
      status =
          new RulebookStatus(
              before.liveVersion(),
              before.liveSince(),
              before.liveFrom(),
              new RulebookStatus.Attempt(
                  now, RulebookStatus.Outcome.REJECTED, null, rejected.problems()));
      LOG.warning(
          () ->
              "A change to the rulebook was rejected; "
                  + before.liveVersion()
                  + " keeps serving. "
                  + rejected.getMessage());
    }
    return status;
  }

  public RulebookStatus status() {
    return status;
  }

  /**
   * The silent mistakes found in the live rules, with file and line, including values the rest of
   * Accord never produces (team ids outside the organisation, sources and actions no lead came with
   * in the last 90 days).
   */
  public List<RulebookProblem> warnings() {
    return rulebook.warnings(vocabulary.current());
  }

  /** Every time a version went live, newest first. */
  public List<PublishedRulebooks.Published> history() {
    return published.history();
  }

  /**
   * File by file, how one published version differs from another.
   *
   * @return empty if either version was never published here
   */
  public Optional<List<PublishedRulebooks.FileChange>> diff(String from, String to) {
    Optional<Path> before = published.folder(from);
    Optional<Path> after = published.folder(to);
    if (before.isEmpty() || after.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(published.diff(before.get(), after.get()));
  }

  /**
   * Puts a published version back: its files replace the rule, settings and scenario files of the
   * rulebook folder (so the folder, which business users edit, says what is live), and it goes live
   * as a publish by {@code by}.
   *
   * @return empty if the version was never published here
   */
  public Optional<RulebookStatus> rollBack(String version, String by) {
    Optional<Path> kept = published.folder(version);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    synchronized (this) {
      putBack(version, kept.get());
    }
    return Optional.of(reload(by, false));
  }

  private void putBack(String version, Path kept) {
    Path folder = settings.rulebookFolder();
    try {
      RulebookFolder.replaceWith(folder, kept);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write version " + version + " into " + folder, e);
    }
    folderFingerprint = RulebookFolder.fingerprint(folder);
  }

  /** Puts a rulebook live; the one it replaces lets go of the sessions it kept. */
  private void goLive(Rulebook next) {
    Rulebook previous = rulebook;
    rulebook = next;
    if (previous != null) {
      previous.close();
    }
  }

  /** The rulebook deciding leads now. */
  public Rulebook live() {
    return rulebook;
  }

  /** Decides with the live rulebook; the decision names the version that made it. */
  public Decision decide(Lead lead) {
    return rulebook.decide(lead);
  }

  public String version() {
    return rulebook.version();
  }

  /**
   * The calendar of this name, or the round-the-clock one if the rulebook has none of that name (a
   * team without a calendar file still gets its clocks).
   */
  public NamedCalendar calendar(String name) {
    BusinessCalendars calendars = rulebook.calendars();
    return calendars
        .find(name)
        .map(found -> new NamedCalendar(name, found))
        .orElseGet(
            () ->
                new NamedCalendar(
                    AROUND_THE_CLOCK, calendars.find(AROUND_THE_CLOCK).orElseThrow()));
  }

  /** The reject reasons and marketing's promises. */
  public Agreement agreement() {
    return rulebook.agreement();
  }

  /** A calendar with the name it is known by in the rulebook. */
  public record NamedCalendar(String name, BusinessCalendar calendar) {}
}
