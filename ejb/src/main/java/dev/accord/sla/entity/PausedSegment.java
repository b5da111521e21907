package dev.accord.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A stretch of time in which a clock did not count; open while the clock is paused. */
@Embeddable
public class PausedSegment {

  @Column(name = "paused_at")
  private Instant pausedAt;

  @Column(name = "resumed_at")
  private Instant resumedAt;

  protected PausedSegment() {}

  PausedSegment(Instant pausedAt) {
    this.pausedAt = pausedAt;
  }

  void resume(Instant at) {
    this.resumedAt = at;
  }

  public Instant getPausedAt() {
    return pausedAt;
  }

  /** Null while the clock is still paused. */
  public Instant getResumedAt() {
    return resumedAt;
  }
}
