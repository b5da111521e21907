package dev.accord.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/** One entry of a clock's history: started, warned, breached, paused, resumed, met. */
@Embeddable
public class ClockEvent {

  /** What happened to the clock; names are part of the API. */
  public enum Type {
    STARTED,
    WARNING,
    BREACH,
    PAUSED,
    RESUMED,
    COUNTED,
    MET,
    SATISFIED_LATE,
    OWNER_CHANGED,
    /** Nobody can take the lead yet: the clock runs against the team while the lead waits. */
    WAITING_FOR_OWNER,
    DISPUTED
  }

  @Column(name = "occurred_at")
  private Instant occurredAt;

  private String type;

  /** For a stage: the instant it fell due. */
  @Column(name = "due_at")
  private Instant dueAt;

  /** For a stage: how long after its due instant it fired. */
  @Column(name = "late_ms")
  private Long lateMs;

  private String detail;

  protected ClockEvent() {}

  public ClockEvent(Instant occurredAt, Type type, String detail) {
    this(occurredAt, type, null, null, detail);
  }

  public ClockEvent(Instant occurredAt, Type type, Instant dueAt, Duration late, String detail) {
    this.occurredAt = occurredAt;
    this.type = type.name();
    this.dueAt = dueAt;
    this.lateMs = late == null ? null : late.toMillis();
    this.detail = detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getType() {
    return type;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Duration getLate() {
    return lateMs == null ? null : Duration.ofMillis(lateMs);
  }

  public String getDetail() {
    return detail;
  }
}
