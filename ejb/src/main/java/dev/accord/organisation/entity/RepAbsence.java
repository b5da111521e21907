package dev.accord.organisation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A period a rep is out of office and takes no leads. */
@Entity
@Table(name = "rep_absence")
public class RepAbsence {

  @Id private UUID id;

  @Column(name = "rep_id")
  private String repId;

  @Column(name = "starts_at")
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  private String note;

  protected RepAbsence() {}

  public RepAbsence(String repId, Instant startsAt, Instant endsAt, String note) {
    this.id = UUID.randomUUID();
    this.repId = repId;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.note = note;
  }

  public UUID getId() {
    return id;
  }

  public String getRepId() {
    return repId;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getNote() {
    return note;
  }

  public boolean covers(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }
}
