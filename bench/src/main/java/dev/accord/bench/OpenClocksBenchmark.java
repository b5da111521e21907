package dev.accord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Accord server with a million open SLA clocks and reports what the issue asks for: heap
 * used, breach detection lag while clocks fall due at a steady rate, and how long the server takes
 * after a restart to fire everything that fell due while it was down; each against the same
 * measurements with a thousand open clocks, taken first in the same run.
 *
 * <p>It starts and stops the server itself (a restart is measured) from a base folder prepared by
 * {@code bench/open-clocks.sh}, and writes clocks straight into the server's H2 database over JDBC.
 * Every wait is bounded; it talks to loopback only. Exits 1 if a clock that fell due was not
 * breached in time, 2 if it could not run. Settings, as {@code --name=value} or {@code
 * -Daccord.clocks.name=value}, are listed in docs/benchmarks.md.
 */
public final class OpenClocksBenchmark {

  /** The server's own query (DueClockPoller, ClockFiring.dueBy), as Hibernate sends it. */
  static final String DUE_CLOCKS =
      "select id from sla_clock where next_fire_at <= ? order by next_fire_at"
          + " fetch first 200 rows only";

  /** The same with a lower bound, which lets H2 start the index scan after the nulls. */
  static final String DUE_CLOCKS_FROM_EPOCH =
      "select id from sla_clock where next_fire_at >= ? and next_fire_at <= ?"
          + " order by next_fire_at fetch first 200 rows only";

  /** The outbox's query (EscalationOutbox, EscalationDelivery.dueBy). */
  static final String DUE_ESCALATIONS =
      "select id from escalation where next_attempt_at <= ? order by next_attempt_at"
          + " fetch first 100 rows only";

  static final String DUE_ESCALATIONS_FROM_EPOCH =
      "select id from escalation where next_attempt_at >= ? and next_attempt_at <= ?"
          + " order by next_attempt_at fetch first 100 rows only";

  /** Far-future clocks: 3 days, two warnings and a breach, started within the last hour. */
  private static final Duration OPEN_TARGET = Duration.ofDays(3);

  private static final String OPEN_STAGES = "50:MANAGER,REP;75:MANAGER,REP;100:HEADS";

  /** Clocks that fall due during a phase: breach only, so each firing is exactly one breach. */
  private static final Duration DUE_TARGET = Duration.ofMinutes(15);

  /**
   * Clocks falling due at a steady rate, and whom their breach notifies. The measured phases notify
   * nobody by e-mail (the breach still records its event for the escalations topic): the outbox
   * sends e-mails one at a time, far slower than clocks breach, and its backlog would be measured
   * instead of the clocks. A phase of its own measures breaches that e-mail both heads.
   */
  private record Flow(double rate, String stages) {

    int count(int seconds) {
      return (int) Math.round(rate * seconds);
    }

    Duration spacing() {
      return Duration.ofNanos(1_000 * Math.round(1e6 / rate));
    }
  }

  private final Flow measured;
  private final Flow mailed;

  private final Settings settings;
  private final AccordServer server;
  private ClockRows rows;
  private long nextRow = 1;

  private OpenClocksBenchmark(Settings settings) {
    this.settings = settings;
    this.measured = new Flow(settings.rate(), "100:" + settings.notified());
    this.mailed = new Flow(settings.mailRate(), "100:HEADS");
    this.server =
        new AccordServer(
            settings.wildfly(),
            settings.baseDir(),
            settings.portOffset(),
            settings.serverHeap(),
            List.of(
                "-Daccord.rulebook.dir=" + settings.rulebook(),
                "-Daccord.demo.enabled=true",
                "-Daccord.db.url=" + settings.serverDatabaseUrl(),
                // H2's AUTO_SERVER listens for the benchmark's connection on loopback only.
                "-Dh2.bindAddress=127.0.0.1",
                "-Daccord.public-url=http://localhost:" + (8080 + settings.portOffset()),
                "-Daccord.mail.host=127.0.0.1",
                "-Daccord.mail.port=" + settings.mailPort(),
                "-Daccord.mail.from=Accord <accord@accord.example>"));
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.from(args);
    } catch (IllegalArgumentException e) {
      System.err.println("open-clocks benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    OpenClocksBenchmark benchmark = new OpenClocksBenchmark(settings);
    Thread stopServer =
        new Thread(
            () -> {
              try {
                benchmark.server.stop(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(stopServer);
    boolean passed;
    try {
      passed = benchmark.run();
    } catch (IllegalStateException e) {
      System.err.println("open-clocks benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(passed ? 0 : 1);
  }

  private boolean run() throws Exception {
    log("settings: " + settings);
    log(machine());
    Instant launched = server.start();
    Instant deployed = server.awaitDeployed(Duration.ofMinutes(5));
    log(
        "server pid %d deployed %.1f s after launch (fresh database)"
            .formatted(server.pid(), seconds(Duration.between(launched, deployed))));
    rows = ClockRows.open(settings.databaseUrl());

    Duration baselineLoad = addOpenClocks(settings.baselineClocks());
    Stage baseline = stage(settings.baselineClocks(), baselineLoad);
    Duration bigLoad = addOpenClocks(settings.clocks() - settings.baselineClocks());
    Stage big = stage(settings.clocks(), bigLoad);
    Lag mail = null;
    if (settings.mailRate() > 0) {
      log("--- breaches that e-mail both heads");
      mail = lag("%,d open clocks, e-mailed".formatted(settings.clocks()), mailed);
    }
    Stage closed = null;
    if (settings.closedClocks() > 0) {
      Duration load = addClosedClocks(settings.closedClocks());
      log("--- with %,d closed clocks as well".formatted(settings.closedClocks()));
      warmUp(measured);
      Lag lag =
          lag(
              "%,d open + %,d closed".formatted(settings.clocks(), settings.closedClocks()),
              measured);
      closed = new Stage(settings.clocks(), load, lag, 0, null, 0, pollers(), databaseBytes());
    }
    rows.close();
    Duration stopped = server.stop(Duration.ofSeconds(60));
    log("server stopped in %.1f s".formatted(seconds(stopped)));

    report(baseline, big, mail, closed);
    return baseline.complete()
        && big.complete()
        && (mail == null || mail.complete())
        && (closed == null || closed.lag().complete());
  }

  /** One server size: warm-up, steady lag, heap, restart, heap again, the pollers' queries. */
  private Stage stage(int openClocks, Duration loadTook) throws Exception {
    log("=== %,d far-future open clocks".formatted(openClocks));
    warmUp(measured);
    Lag lag = lag("%,d open clocks".formatted(openClocks), measured);
    long heap = server.heapUsedAfterFullGc();
    log("heap used after full GC: %.1f MiB".formatted(heap / 1048576.0));
    Restart restart = restart("%,d open clocks".formatted(openClocks));
    long heapAfterRestart = server.heapUsedAfterFullGc();
    log(
        "heap used after full GC, after the restart's catch-up: %.1f MiB"
            .formatted(heapAfterRestart / 1048576.0));
    return new Stage(
        openClocks, loadTook, lag, heap, restart, heapAfterRestart, pollers(), databaseBytes());
  }

  private long databaseBytes() throws IOException {
    return Files.size(settings.baseDir().resolve("db/accord.mv.db"));
  }

  private Duration addOpenClocks(int count) throws SQLException {
    // Started one after the other until now, a million within the last hour: the first stage of
    // each is 36 h away, so none fires during the run.
    Duration spacing = Duration.ofNanos(3_600_000_000_000L / settings.clocks() / 1000 * 1000);
    ClockRows.Batch batch =
        new ClockRows.Batch(
            "far-future",
            nextRow,
            count,
            Instant.now().minus(spacing.multipliedBy(count)),
            spacing,
            OPEN_TARGET,
            OPEN_STAGES,
            50,
            false);
    return insert(batch, "open far-future clocks");
  }

  private Duration addClosedClocks(int count) throws SQLException {
    ClockRows.Batch batch =
        new ClockRows.Batch(
            "closed",
            nextRow,
            count,
            Instant.now().minus(Duration.ofDays(30)),
            Duration.ofNanos(1_000_000),
            OPEN_TARGET,
            OPEN_STAGES,
            50,
            true);
    return insert(batch, "closed (met) clocks");
  }

  private Duration insert(ClockRows.Batch batch, String what) throws SQLException {
    long start = System.nanoTime();
    rows.insert(batch);
    nextRow += batch.count();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    log(
        "inserted %,d %s with their leads and STARTED events in %.1f s (%,.0f clocks/s)"
            .formatted(
                batch.count(), what, seconds(took), batch.count() / Math.max(seconds(took), 1e-3)));
    return took;
  }

  /** The same load as a measured phase, not reported: the JIT compiles the firing path first. */
  private void warmUp(Flow flow) throws Exception {
    ClockRows.Batch slice =
        dueSlice("warm-up", flow, settings.warmupSeconds(), Duration.ofSeconds(3));
    awaitBreaches(slice, slice.lastDue().plus(Duration.ofSeconds(120)));
    awaitOutbox(slice.lastDue().plus(Duration.ofSeconds(300)));
    log("warm-up: %,d clocks fell due and breached".formatted(slice.count()));
  }

  /** Clocks falling due at the steady rate; how late each breach is recorded. */
  private Lag lag(String label, Flow flow) throws Exception {
    double load = awaitQuietMachine();
    long open = rows.openClocks();
    ClockRows.Batch slice = dueSlice(label, flow, settings.seconds(), Duration.ofSeconds(5));
    Instant firstDue = slice.dueAt(0);
    sleepUntil(firstDue);
    Duration cpuBefore = server.cpuTime();
    int recorded = awaitBreaches(slice, slice.lastDue().plus(Duration.ofSeconds(120)));
    Instant done = Instant.now();
    Instant drained = awaitOutbox(slice.lastDue().plus(Duration.ofSeconds(300)));
    // All the work the slice caused: firing, recording, sending its escalations; and the pollers.
    Duration cpu = server.cpuTime().minus(cpuBefore);
    List<ClockRows.Breach> breaches = rows.breaches(slice);
    Samples lags = new Samples(breaches.size());
    breaches.forEach(breach -> lags.add(breach.lag().toNanos()));
    lags.finish(Duration.between(firstDue, done).toNanos());
    List<ClockRows.Sent> escalations = rows.escalations(slice);
    Samples sendLags = new Samples(escalations.size());
    escalations.stream()
        .filter(sent -> sent.sentAt() != null)
        .forEach(sent -> sendLags.add(Duration.between(sent.createdAt(), sent.sentAt()).toNanos()));
    sendLags.finish(0);
    Lag lag =
        new Lag(
            label,
            open,
            slice.count(),
            recorded,
            lags,
            cpu,
            escalations.size(),
            sendLags,
            Duration.between(slice.lastDue(), drained),
            load);
    log(
        "%s: %,d of %,d breaches recorded; lag p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                .formatted(
                    label,
                    recorded,
                    slice.count(),
                    ms(lags.percentile(0.5)),
                    ms(lags.percentile(0.99)),
                    ms(lags.max()))
            + " server CPU %.1f s; outbox empty %.1f s after the last due time"
                .formatted(seconds(cpu), seconds(lag.outboxDrained())));
    return lag;
  }

  /**
   * Clocks that fall due while the server is down; after the restart, how long until every one of
   * them has its breach. There is no schedule to rebuild: what fell due is simply overdue.
   */
  private Restart restart(String label) throws Exception {
    double load = awaitQuietMachine();
    ClockRows.Batch slice =
        dueSlice(label + ", down", measured, settings.downtimeSeconds(), settings.stopAllowance());
    rows.close();
    Duration stopTook = server.stop(Duration.ofSeconds(60));
    sleepUntil(slice.lastDue().plus(Duration.ofSeconds(1)));
    Instant launched = server.start();
    Instant deployed = server.awaitDeployed(Duration.ofMinutes(5));
    rows = ClockRows.open(settings.databaseUrl());
    int recorded = awaitBreaches(slice, deployed.plus(Duration.ofSeconds(300)));
    List<ClockRows.Breach> breaches = rows.breaches(slice);
    List<Instant> fired =
        breaches.stream()
            .map(ClockRows.Breach::occurredAt)
            .filter(at -> at.isAfter(launched))
            .sorted()
            .toList();
    int firedBeforeStop = breaches.size() - fired.size();
    Restart restart =
        new Restart(
            label,
            slice.count(),
            recorded,
            firedBeforeStop,
            stopTook,
            Duration.between(launched, deployed),
            fired.isEmpty() ? null : Duration.between(deployed, fired.get(0)),
            fired.isEmpty() ? null : Duration.between(deployed, fired.get(fired.size() - 1)),
            fired.size() < 2
                ? 0
                : fired.size()
                    / seconds(Duration.between(fired.get(0), fired.get(fired.size() - 1))),
            load);
    log(
        ("%s: stopped in %.1f s; %,d clocks fell due while down; booted to deployed in %.1f s;"
                + " first overdue breach %s s, last %s s after deployed (%,.0f breaches/s);"
                + " %d fired before the stop")
            .formatted(
                label,
                seconds(stopTook),
                slice.count(),
                seconds(restart.bootToDeployed()),
                format(restart.deployedToFirst()),
                format(restart.deployedToLast()),
                restart.catchUpRate(),
                firedBeforeStop));
    awaitOutbox(Instant.now().plus(Duration.ofSeconds(300)));
    return restart;
  }

  /**
   * What the two pollers cost with nothing to do: the server's CPU over 10 s in which nothing falls
   * due and the outbox is empty, and their queries against the database as it is now, as the server
   * sends them and with a lower bound.
   */
  private Pollers pollers() throws Exception {
    Duration idle = Duration.ofSeconds(10);
    Duration before = server.cpuTime();
    TimeUnit.NANOSECONDS.sleep(idle.toNanos());
    double idleShare = seconds(server.cpuTime().minus(before)) / seconds(idle);
    Instant now = Instant.now();
    // A different instant each time: H2 hands back the last result of a query whose parameters
    // and tables did not change, which the server's pollers never get.
    return new Pollers(
        rows.closedClocks(),
        rows.sentEscalations(),
        idleShare,
        median(i -> rows.time(DUE_CLOCKS, now.minusMillis(i))),
        median(i -> rows.time(DUE_CLOCKS_FROM_EPOCH, Instant.EPOCH, now.minusMillis(i))),
        median(i -> rows.time(DUE_ESCALATIONS, now.minusMillis(i))),
        median(i -> rows.time(DUE_ESCALATIONS_FROM_EPOCH, Instant.EPOCH, now.minusMillis(i))));
  }

  private interface Timed {
    Duration run(int i) throws SQLException;
  }

  private static Duration median(Timed query) throws SQLException {
    long[] nanos = new long[11];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = query.run(i).toNanos();
    }
    Arrays.sort(nanos);
    return Duration.ofNanos(nanos[nanos.length / 2]);
  }

  /** A slice of breach-only clocks falling due at the steady rate, starting {@code in} from now. */
  private ClockRows.Batch dueSlice(String label, Flow flow, int seconds, Duration in)
      throws SQLException {
    int count = flow.count(seconds);
    Duration spacing = flow.spacing();
    Instant firstDue = Instant.now().plus(in).truncatedTo(ChronoUnit.MILLIS);
    ClockRows.Batch slice =
        new ClockRows.Batch(
            label,
            nextRow,
            count,
            firstDue.minus(DUE_TARGET),
            spacing,
            DUE_TARGET,
            flow.stages(),
            100,
            false);
    rows.insert(slice);
    nextRow += count;
    if (!Instant.now().isBefore(firstDue)) {
      throw new IllegalStateException(
          "inserting " + count + " clocks took longer than the " + in + " allowed");
    }
    return slice;
  }

  /** Polls until every clock of the slice has breached, or the deadline. */
  private int awaitBreaches(ClockRows.Batch slice, Instant deadline) throws Exception {
    sleepUntil(slice.lastDue());
    int breached = rows.breached(slice);
    while (breached < slice.count() && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(250);
      breached = rows.breached(slice);
    }
    return breached;
  }

  /** Polls until the outbox has sent everything, or the deadline; returns when it was empty. */
  private Instant awaitOutbox(Instant deadline) throws Exception {
    while (rows.unsentEscalations() > 0 && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return Instant.now();
  }

  /**
   * Waits, at most {@code load-wait-s}, until the 1-minute load average is below {@code
   * load-below}: on two cores another build would otherwise show up as Accord's latency.
   *
   * @return the load average when the phase started
   */
  private double awaitQuietMachine() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.loadWaitSeconds());
    double load = loadAverage();
    while (load >= settings.loadBelow() && System.nanoTime() < deadline) {
      TimeUnit.SECONDS.sleep(5);
      load = loadAverage();
    }
    log(
        "load average %.2f%s"
            .formatted(
                load,
                load >= settings.loadBelow()
                    ? " (still at or above " + settings.loadBelow() + "; measuring anyway)"
                    : ""));
    return load;
  }

  private static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  private static void sleepUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      TimeUnit.MILLISECONDS.sleep(millis);
    }
  }

  private void report(Stage baseline, Stage big, Lag mail, Stage closed) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-52s %16s %16s %9s   %s%n",
        "",
        "%,d clocks".formatted(baseline.openClocks()),
        "%,d clocks".formatted(big.openClocks()),
        "ratio",
        "goal");
    Lag a = baseline.lag();
    Lag b = big.lag();
    row("open clocks when the lag phase started", a.openAtStart(), b.openAtStart(), "");
    row("1-min load average at the start of the lag phase", a.load(), b.load(), "< 1.5");
    row("clocks falling due in the lag phase", a.expected(), b.expected(), "");
    row("  breaches recorded", a.recorded(), b.recorded(), "all");
    row("  breach lag p50 (ms)", ms(a.lags().percentile(0.5)), ms(b.lags().percentile(0.5)), "");
    row(
        "  breach lag p99 (ms)",
        ms(a.lags().percentile(0.99)),
        ms(b.lags().percentile(0.99)),
        "<= 1000");
    row("  breach lag max (ms)", ms(a.lags().max()), ms(b.lags().max()), "");
    row("  server CPU per breach, escalations sent (ms)", cpuPerBreach(a), cpuPerBreach(b), "");
    row(
        "  escalation recorded -> sent p50 (ms)",
        ms(a.sendLags().percentile(0.5)),
        ms(b.sendLags().percentile(0.5)),
        "");
    row(
        "  escalation recorded -> sent p99 (ms)",
        ms(a.sendLags().percentile(0.99)),
        ms(b.sendLags().percentile(0.99)),
        "");
    row(
        "  outbox empty after the last due time (s)",
        seconds(a.outboxDrained()),
        seconds(b.outboxDrained()),
        "");
    row("  escalations sent per second, first due -> empty", sendRate(a), sendRate(b), "");
    row(
        "heap used after full GC (MiB)",
        baseline.heap() / 1048576.0,
        big.heap() / 1048576.0,
        "<= 1024");
    row(
        "  the same after the restart's catch-up (MiB)",
        baseline.heapAfterRestart() / 1048576.0,
        big.heapAfterRestart() / 1048576.0,
        "<= 1024");
    row(
        "database file (MiB)",
        baseline.databaseBytes() / 1048576.0,
        big.databaseBytes() / 1048576.0,
        "");
    Restart ra = baseline.restart();
    Restart rb = big.restart();
    row("1-min load average at the start of the restart", ra.load(), rb.load(), "< 1.5");
    row("clocks that fell due while the server was down", ra.overdue(), rb.overdue(), "");
    row("  breaches recorded after the restart", ra.recorded(), rb.recorded(), "all");
    row("  clean stop (s)", seconds(ra.stopTook()), seconds(rb.stopTook()), "");
    row("  launch -> deployed (s)", seconds(ra.bootToDeployed()), seconds(rb.bootToDeployed()), "");
    row(
        "  deployed -> first overdue breach (s)",
        seconds(ra.deployedToFirst()),
        seconds(rb.deployedToFirst()),
        "");
    row(
        "  deployed -> last overdue breach (s)",
        seconds(ra.deployedToLast()),
        seconds(rb.deployedToLast()),
        "<= 30");
    row("  catch-up rate (breaches/s)", ra.catchUpRate(), rb.catchUpRate(), "");
    row(
        "time to insert the far-future clocks (s)",
        seconds(baseline.loadTook()),
        seconds(big.loadTook()),
        "");
    Pollers qa = baseline.pollers();
    Pollers qb = big.pollers();
    row("closed clocks (next_fire_at null) at the end", qa.closedClocks(), qb.closedClocks(), "");
    row("sent escalations (next_attempt_at null)", qa.sentEscalations(), qb.sentEscalations(), "");
    row(
        "  server CPU while nothing is due (% of a core)",
        100 * qa.idleCpuShare(), 100 * qb.idleCpuShare(), "");
    row("  due-clocks query as the server runs it (ms)", ms(qa.due()), ms(qb.due()), "");
    row(
        "  the same with next_fire_at >= epoch (ms)",
        ms(qa.dueFromEpoch()),
        ms(qb.dueFromEpoch()),
        "");
    row("  outbox query as the server runs it (ms)", ms(qa.outbox()), ms(qb.outbox()), "");
    row(
        "  the same with next_attempt_at >= epoch (ms)",
        ms(qa.outboxFromEpoch()),
        ms(qb.outboxFromEpoch()),
        "");
    if (mail != null) {
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%s: %,d of %,d breaches at %.0f/s; lag p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " CPU per breach %.2f ms; %,d escalations, recorded -> sent p50 %.0f ms,"
              + " p99 %.0f ms; outbox empty %.1f s after the last due time (%.1f escalations/s);"
              + " load %.2f%n",
          mail.label(),
          mail.recorded(),
          mail.expected(),
          mailed.rate(),
          ms(mail.lags().percentile(0.5)),
          ms(mail.lags().percentile(0.99)),
          ms(mail.lags().max()),
          cpuPerBreach(mail),
          mail.escalations(),
          ms(mail.sendLags().percentile(0.5)),
          ms(mail.sendLags().percentile(0.99)),
          seconds(mail.outboxDrained()),
          sendRate(mail),
          mail.load());
    }
    if (closed != null) {
      Lag c = closed.lag();
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%s: %,d of %,d breaches; lag p50 %.1f ms, p99 %.1f ms, max %.1f ms"
              + " (%.1fx / %.1fx / %.1fx the %,d-clock baseline); CPU per breach %.2f ms;"
              + " server CPU while nothing is due %.1f %% of a core; due-clocks query %.2f ms,"
              + " with the lower bound %.2f ms; load %.2f%n",
          c.label(),
          c.recorded(),
          c.expected(),
          ms(c.lags().percentile(0.5)),
          ms(c.lags().percentile(0.99)),
          ms(c.lags().max()),
          c.lags().percentile(0.5) / a.lags().percentile(0.5),
          c.lags().percentile(0.99) / a.lags().percentile(0.99),
          c.lags().max() / a.lags().max(),
          baseline.openClocks(),
          cpuPerBreach(c),
          100 * closed.pollers().idleCpuShare(),
          ms(closed.pollers().due()),
          ms(closed.pollers().dueFromEpoch()),
          c.load());
    }
  }

  /** Escalations over the time from the first due clock until the outbox was empty. */
  private double sendRate(Lag lag) {
    return lag.escalations() / (settings.seconds() + seconds(lag.outboxDrained()));
  }

  private static double cpuPerBreach(Lag lag) {
    return seconds(lag.cpu()) * 1000 / Math.max(1, lag.recorded());
  }

  private static void row(String label, double baseline, double big, String goal) {
    boolean whole = baseline == Math.rint(baseline) && big == Math.rint(big) && baseline > 10;
    String format = whole ? "%,16.0f" : "%16.2f";
    System.out.printf(
        Locale.ROOT,
        "%-52s " + format + " " + format + " %8.2fx   %s%n",
        label,
        baseline,
        big,
        baseline == 0 ? Double.NaN : big / baseline,
        goal);
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static double ms(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static double seconds(Duration duration) {
    return duration == null ? Double.NaN : duration.toNanos() / 1e9;
  }

  private static String format(Duration duration) {
    return duration == null ? "n/a" : "%.2f".formatted(seconds(duration));
  }

  private static String machine() {
    return "%s %s, %d cores, JVM %s"
        .formatted(
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.version"));
  }

  private static void log(String line) {
    System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
  }

  private record Lag(
      String label,
      long openAtStart,
      int expected,
      int recorded,
      Samples lags,
      Duration cpu,
      int escalations,
      Samples sendLags,
      Duration outboxDrained,
      double load) {

    boolean complete() {
      return recorded == expected;
    }
  }

  private record Restart(
      String label,
      int overdue,
      int recorded,
      int firedBeforeStop,
      Duration stopTook,
      Duration bootToDeployed,
      Duration deployedToFirst,
      Duration deployedToLast,
      double catchUpRate,
      double load) {}

  private record Pollers(
      long closedClocks,
      long sentEscalations,
      double idleCpuShare,
      Duration due,
      Duration dueFromEpoch,
      Duration outbox,
      Duration outboxFromEpoch) {}

  private record Stage(
      int openClocks,
      Duration loadTook,
      Lag lag,
      long heap,
      Restart restart,
      long heapAfterRestart,
      Pollers pollers,
      long databaseBytes) {

    boolean complete() {
      return lag.complete() && restart.recorded() == restart.overdue();
    }
  }

  private record Settings(
      Path wildfly,
      Path baseDir,
      Path rulebook,
      int portOffset,
      int mailPort,
      String serverHeap,
      int clocks,
      int baselineClocks,
      int closedClocks,
      double rate,
      String notified,
      double mailRate,
      int seconds,
      int warmupSeconds,
      int downtimeSeconds,
      Duration stopAllowance,
      double loadBelow,
      int loadWaitSeconds) {

    static Settings from(String[] args) {
      Arguments given = Arguments.parse(args, "accord.clocks.");
      Settings settings =
          new Settings(
              Path.of(given.text("wildfly", "server/target/wildfly")).toAbsolutePath(),
              Path.of(given.text("base-dir", "bench/target/open-clocks")).toAbsolutePath(),
              Path.of(given.text("rulebook", "rules/rulebook")).toAbsolutePath(),
              given.atLeast(0, "port-offset", 300),
              given.positive("mail-port", 3325),
              given.text("server-heap", "-Xms512m -Xmx2g"),
              given.positive("clocks", 1_000_000),
              given.positive("baseline-clocks", 1_000),
              given.atLeast(0, "closed-clocks", 0),
              given.atLeast(0.1, "rate", 100.0),
              given.text("notify", ""),
              given.atLeast(0.0, "mail-rate", 10.0),
              given.positive("seconds", 60),
              given.positive("warmup-seconds", 20),
              given.positive("downtime-seconds", 30),
              Duration.ofSeconds(given.positive("stop-allowance-s", 15)),
              given.atLeast(0.1, "load-below", 1.5),
              given.atLeast(0, "load-wait-s", 180));
      given.requireAllRead();
      if (settings.baselineClocks() >= settings.clocks()) {
        throw new IllegalArgumentException("baseline-clocks must be fewer than clocks");
      }
      if (!Files.isDirectory(settings.baseDir().resolve("deployments"))) {
        throw new IllegalArgumentException(
            settings.baseDir() + " has no deployments folder: run bench/open-clocks.sh");
      }
      return settings;
    }

    /**
     * The server opens the file first and so owns it; the benchmark connects to it over TCP. As
     * {@code accord.cli}'s default but for DB_CLOSE_ON_EXIT=FALSE, which H2 refuses together with
     * AUTO_SERVER.
     */
    String serverDatabaseUrl() {
      return "jdbc:h2:file:%s;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
          .formatted(baseDir.resolve("db/accord"));
    }

    /** IFEXISTS: never create (and so own) the database; only join the server's. */
    String databaseUrl() {
      return "jdbc:h2:file:%s;AUTO_SERVER=TRUE;IFEXISTS=TRUE"
          .formatted(baseDir.resolve("db/accord"));
    }

    @Override
    public String toString() {
      return ("%,d open clocks against a baseline of %,d; %.0f clocks/s falling due for %d s"
              + " (warm-up %d s), stage plan 100:%s; %d s of due clocks while down; e-mailed"
              + " breaches at %.0f/s; server %s, port offset %d; closed clocks %,d; load below"
              + " %.2f, waiting up to %d s")
          .formatted(
              clocks,
              baselineClocks,
              rate,
              seconds,
              warmupSeconds,
              notified,
              downtimeSeconds,
              mailRate,
              serverHeap,
              portOffset,
              closedClocks,
              loadBelow,
              loadWaitSeconds);
    }
  }
}
