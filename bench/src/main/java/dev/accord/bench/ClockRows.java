package dev.accord.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's clocks as rows of the server's own database, written and read over JDBC while the
 * server runs (H2's {@code AUTO_SERVER} lets a second process in). Writing them through the API
 * would take hours for a million and would measure intake, not clocks.
 *
 * <p>Every clock gets a lead of its own, routed to one of the six demo reps, and a STARTED event,
 * as a clock started by the rulebook has. Ids are made from a row number, so a batch of clocks is a
 * primary-key range that can be read back cheaply.
 */
final class ClockRows implements AutoCloseable {

  private static final String LEAD_ID = "b0000000-0000-4000-8000-";
  private static final String CLOCK_ID = "c0000000-0000-4000-8000-";
  private static final int CHUNK = 50_000;
  private static final Instant EPOCH = Instant.EPOCH;

  /** Row number, start instant and demo rep of each clock in {@code system_range(?, ?)}. */
  private static final String ROWS =
      """
      (select x, dateadd(microsecond, (x - cast(? as bigint)) * cast(? as bigint),
                      cast(? as timestamp(6) with time zone)) as started,
              case mod(x, 6) when 0 then 'ana.costa' when 1 then 'jonas.weber'
                             when 2 then 'priya.nair' when 3 then 'maria.gonzalez'
                             when 4 then 'tom.becker' else 'lucas.silva' end as rep,
              case when mod(x, 6) < 3 then 'emea' else 'americas' end as team
       from system_range(cast(? as bigint), cast(? as bigint))) r
      """;

  private static final String INSERT_LEADS =
      """
      insert into sales_lead (id, intake_source, external_id, received_at, decided_at, status,
          email, first_name, last_name, company, title, employees, country, lead_source,
          requested_action, fit_score, engagement_score, grade, team_id, rep_id, rulebook_version)
      select cast('%s' || lpad(cast(x as varchar), 12, '0') as uuid), 'open-clocks-bench',
          'open-clocks-' || x, started, started, 'ROUTED', 'lead-' || x || '@example.com', 'Lead',
          'No. ' || x, 'Bench Company ' || mod(x, 97), 'Director of IT', 250,
          case when team = 'emea' then 'DE' else 'US' end, 'webinar', 'demo', 60, 40, 'B', team,
          rep, 'open-clocks-bench'
      from %s
      """
          .formatted(LEAD_ID, ROWS);

  private static final String INSERT_CLOCKS =
      """
      insert into sla_clock (id, lead_id, name, term_rule, owner_side, team_id, rep_id, calendar,
          target_ms, stages, stopped_by, stop_after, counted, counted_so_far, reroute_on_breach,
          started_at, consumed_ms, running_since, due_at, state, stages_fired, next_fire_at,
          stopped_at)
      select cast('%s' || lpad(cast(x as varchar), 12, '0') as uuid),
          cast('%s' || lpad(cast(x as varchar), 12, '0') as uuid), 'First touch', ?, 'SALES',
          team, rep, 'around-the-clock', cast(? as bigint), cast(? as varchar),
          'TOUCH,CONNECT,REJECT,DISQUALIFY,CONVERT', 0, '', 0, false, started, cast(? as bigint),
          case when cast(? as boolean) then null else started end,
          dateadd(millisecond, cast(? as bigint), started), cast(? as varchar), 0,
          case when cast(? as boolean) then null
               else dateadd(millisecond, cast(? as bigint), started) end,
          case when cast(? as boolean) then dateadd(millisecond, cast(? as bigint), started) end
      from %s
      """
          .formatted(CLOCK_ID, LEAD_ID, ROWS);

  private static final String INSERT_STARTED_EVENTS =
      """
      insert into sla_clock_event (clock_id, position, occurred_at, type, due_at, late_ms, detail)
      select cast('%s' || lpad(cast(x as varchar), 12, '0') as uuid), 0, started, 'STARTED',
          dateadd(millisecond, cast(? as bigint), started), null, cast(? as varchar)
      from %s
      """
          .formatted(CLOCK_ID, ROWS);

  private final Connection connection;

  private ClockRows(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens the database the server has open. Only call while the server runs: with {@code
   * AUTO_SERVER} the first process to open the file owns it, and that must be the server.
   */
  static ClockRows open(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url, "sa", "sa");
    connection.setAutoCommit(true);
    return new ClockRows(connection);
  }

  /**
   * Clocks as rows: row numbers {@code first … first + count - 1}, the one numbered {@code first}
   * started at {@code firstStart}, each next one {@code spacing} later. Open clocks next fire at
   * {@code firstStagePercent} of their target; closed ones (met long ago) fire no more.
   */
  record Batch(
      String label,
      long first,
      int count,
      Instant firstStart,
      Duration spacing,
      Duration target,
      String stages,
      int firstStagePercent,
      boolean closed) {

    long last() {
      return first + count - 1;
    }

    /** When clock {@code first + i} falls due, as the server computes it. */
    Instant dueAt(long i) {
      return firstStart.plus(spacing.multipliedBy(i)).plus(target);
    }

    Instant lastDue() {
      return dueAt(count - 1L);
    }

    /** The offset of the first stage, rounded as the server rounds it. */
    long firstStageMs() {
      return target.toMillis() * firstStagePercent / 100;
    }
  }

  /** Inserts the batch in chunks of 50,000 rows, each chunk committed on its own. */
  void insert(Batch batch) throws SQLException {
    for (long from = batch.first(); from <= batch.last(); from += CHUNK) {
      long to = Math.min(batch.last(), from + CHUNK - 1);
      try (PreparedStatement leads = connection.prepareStatement(INSERT_LEADS)) {
        rows(leads, 1, batch, from, to);
        leads.executeUpdate();
      }
      try (PreparedStatement clocks = connection.prepareStatement(INSERT_CLOCKS)) {
        int p = 1;
        clocks.setString(p++, "open-clocks benchmark: " + batch.label());
        clocks.setLong(p++, batch.target().toMillis());
        clocks.setString(p++, batch.stages());
        clocks.setLong(p++, batch.closed() ? batch.firstStageMs() / 2 : 0);
        clocks.setBoolean(p++, batch.closed());
        clocks.setLong(p++, batch.target().toMillis());
        clocks.setString(p++, batch.closed() ? "MET" : "RUNNING");
        clocks.setBoolean(p++, batch.closed());
        clocks.setLong(p++, batch.firstStageMs());
        clocks.setBoolean(p++, batch.closed());
        clocks.setLong(p++, batch.firstStageMs() / 2);
        rows(clocks, p, batch, from, to);
        clocks.executeUpdate();
      }
      try (PreparedStatement events = connection.prepareStatement(INSERT_STARTED_EVENTS)) {
        events.setLong(1, batch.target().toMillis());
        events.setString(
            2,
            "Started by the rule \"open-clocks benchmark: "
                + batch.label()
                + "\": SALES owes it within "
                + batch.target()
                + " of business time (around-the-clock calendar)");
        rows(events, 3, batch, from, to);
        events.executeUpdate();
      }
    }
  }

  private static int rows(PreparedStatement statement, int p, Batch batch, long from, long to)
      throws SQLException {
    statement.setLong(p++, batch.first());
    statement.setLong(p++, batch.spacing().toNanos() / 1_000);
    statement.setObject(p++, utc(batch.firstStart()));
    statement.setLong(p++, from);
    statement.setLong(p++, to);
    return p;
  }

  /** How many clocks of the batch have a recorded breach. */
  int breached(Batch batch) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "select count(*) from sla_clock_event"
                + " where clock_id between ? and ? and type = 'BREACH'")) {
      range(count, batch);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** A breach as the server recorded it: when the stage fell due, and when it fired. */
  record Breach(Instant dueAt, Instant occurredAt) {

    Duration lag() {
      return Duration.between(dueAt, occurredAt);
    }
  }

  List<Breach> breaches(Batch batch) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select due_at, occurred_at from sla_clock_event"
                + " where clock_id between ? and ? and type = 'BREACH'")) {
      range(select, batch);
      List<Breach> breaches = new ArrayList<>(batch.count());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          breaches.add(
              new Breach(
                  rows.getObject(1, OffsetDateTime.class).toInstant(),
                  rows.getObject(2, OffsetDateTime.class).toInstant()));
        }
      }
      return breaches;
    }
  }

  /** An escalation of the batch: when the breach recorded it, and when the outbox sent it. */
  record Sent(String channel, Instant createdAt, Instant sentAt) {}

  List<Sent> escalations(Batch batch) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select channel, created_at, sent_at from escalation where clock_id between ? and ?")) {
      range(select, batch);
      List<Sent> sent = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          OffsetDateTime at = rows.getObject(3, OffsetDateTime.class);
          sent.add(
              new Sent(
                  rows.getString(1),
                  rows.getObject(2, OffsetDateTime.class).toInstant(),
                  at == null ? null : at.toInstant()));
        }
      }
      return sent;
    }
  }

  /** Escalations recorded and not yet sent (their next attempt is set). */
  long unsentEscalations() throws SQLException {
    return count("select count(*) from escalation where next_attempt_at >= ?");
  }

  /** Escalations sent (their next attempt is cleared). */
  long sentEscalations() throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "select count(*) from escalation where next_attempt_at is null");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Clocks with a stage still to fire. */
  long openClocks() throws SQLException {
    return count("select count(*) from sla_clock where next_fire_at >= ?");
  }

  /** Clocks with nothing left to fire: met, breached, stopped. */
  long closedClocks() throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "select count(*) from sla_clock where next_fire_at is null");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Runs a query and reads every row, as the server's pollers do.
   *
   * @return how long it took, one round trip over loopback included
   */
  Duration time(String sql, Instant... parameters) throws SQLException {
    long start = System.nanoTime();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, utc(parameters[i]));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          rows.getObject(1);
        }
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private long count(String sql) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, utc(EPOCH));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void range(PreparedStatement statement, Batch batch) throws SQLException {
    statement.setObject(1, UUID.fromString(CLOCK_ID + "%012d".formatted(batch.first())));
    statement.setObject(2, UUID.fromString(CLOCK_ID + "%012d".formatted(batch.last())));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
