package dev.accord.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed webhook request already taken; the same signature again is a replay. */
@Entity
@Table(name = "webhook_signature")
public class SeenSignature {

  @Id private String signature;

  @Column(name = "intake_source")
  private String intakeSource;

  @Column(name = "signed_at")
  private Instant signedAt;

  protected SeenSignature() {}

  public SeenSignature(String signature, String intakeSource, Instant signedAt) {
    this.signature = signature;
    this.intakeSource = intakeSource;
    this.signedAt = signedAt;
  }
}
