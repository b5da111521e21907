package dev.accord.sla.entity;

import dev.accord.rules.sla.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * A promise marketing made a team for one month (the MQL volume, the share of MQLs sales accepts),
 * judged once when the month ends in the team's time zone: a period clock owned by MARKETING.
 */
@Entity
@Table(name = "sla_period_commitment")
// Named, so the server checks them when it deploys, not first at the end of a month.
@NamedQuery(
    name = PeriodCommitment.MQLS,
    query =
        "select count(l) from Lead l where l.team.id = :team and l.receivedAt >= :start"
            + " and l.receivedAt < :end and l.grade in :grades")
@NamedQuery(
    name = PeriodCommitment.ANSWERED_MQLS,
    query =
        "select count(distinct l) from Lead l join l.activities a where l.team.id = :team"
            + " and l.receivedAt >= :start and l.receivedAt < :end and l.grade in :grades"
            + " and a.type = :answer")
public class PeriodCommitment {

  /** Counts a team's MQLs received in a period: team, start, end, grades. */
  public static final String MQLS = "PeriodCommitment.mqls";

  /** Counts a team's MQLs of a period that got an answer: team, start, end, grades, answer. */
  public static final String ANSWERED_MQLS = "PeriodCommitment.answeredMqls";

  /** What marketing promised; names are part of the API. */
  public enum Kind {
    /** At least this many MQLs in the month. */
    MQL_VOLUME,
    /** At least this percentage of the month's answered MQLs accepted by sales. */
    ACCEPTANCE_SHARE
  }

  /** Where the commitment stands; names are part of the API. */
  public enum State {
    OPEN,
    MET,
    BREACHED
  }

  @Id private UUID id;

  @Column(name = "team_id")
  private String teamId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "period_start")
  private Instant periodStart;

  @Column(name = "period_end")
  private Instant periodEnd;

  private int promised;

  @Column(name = "evaluate_at")
  private Instant evaluateAt;

  @Enumerated(EnumType.STRING)
  private State state;

  private Integer delivered;

  private String detail;

  @Column(name = "evaluated_at")
  private Instant evaluatedAt;

  @Column(name = "late_ms")
  private Long lateMs;

  protected PeriodCommitment() {}

  public PeriodCommitment(String teamId, Kind kind, YearMonth month, ZoneId zone, int promised) {
    this.id = UUID.randomUUID();
    this.teamId = teamId;
    this.kind = kind;
    this.periodStart = month.atDay(1).atStartOfDay(zone).toInstant();
    this.periodEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    this.promised = promised;
    this.evaluateAt = periodEnd;
    this.state = State.OPEN;
  }

  /**
   * Judges the month, once.
   *
   * @param delivered MQLs delivered, or the percentage of answered MQLs accepted; null when sales
   *     answered none, which breaks no promise
   * @param measured how the figure came about, in words
   */
  public void judge(Integer delivered, String measured, Instant now) {
    if (state != State.OPEN) {
      return;
    }
    this.delivered = delivered;
    this.state = delivered == null || delivered >= promised ? State.MET : State.BREACHED;
    this.detail = measured;
    this.evaluatedAt = now;
    this.evaluateAt = null;
    this.lateMs = Math.max(0, Duration.between(periodEnd, now).toMillis());
  }

  /** Marketing owes every period commitment. */
  public Side owner() {
    return Side.MARKETING;
  }

  /** "MQL volume" or "MQL acceptance share", for people. */
  public String title() {
    return kind == Kind.MQL_VOLUME ? "MQL volume" : "MQL acceptance share";
  }

  /** "November 2026", in the team's time zone. */
  public String periodName(ZoneId zone) {
    YearMonth month = YearMonth.from(periodStart.atZone(zone));
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }

  /** "40 MQLs" or "60 % accepted". */
  public String describe(Integer amount) {
    if (amount == null) {
      return "none answered";
    }
    return kind == Kind.MQL_VOLUME ? amount + " MQLs" : amount + " % accepted";
  }

  public UUID getId() {
    return id;
  }

  public String getTeamId() {
    return teamId;
  }

  public Kind getKind() {
    return kind;
  }

  public Instant getPeriodStart() {
    return periodStart;
  }

  public Instant getPeriodEnd() {
    return periodEnd;
  }

  public int getPromised() {
    return promised;
  }

  public State getState() {
    return state;
  }

  public Integer getDelivered() {
    return delivered;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getEvaluatedAt() {
    return evaluatedAt;
  }

  public Duration getLate() {
    return lateMs == null ? null : Duration.ofMillis(lateMs);
  }
}
