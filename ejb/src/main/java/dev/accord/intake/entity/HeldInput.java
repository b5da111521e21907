package dev.accord.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An input a channel could not accept, or a lead that failed every delivery attempt, kept with the
 * reason until an operator replays it once the cause is fixed.
 */
@Entity
@Table(name = "intake_quarantine")
public class HeldInput {

  /** What was held. */
  public enum Kind {
    /** An accepted lead that failed every delivery attempt (e.g. a faulty rule). */
    DEAD_LETTER,
    /** A mail the mailbox route could not read or whose lead was invalid. */
    MAIL,
    /** A row of a partner file that was not a valid lead. */
    ROW,
    /** A whole partner file that could not be read. */
    FILE,
    /** A message on a partner queue that was not a valid lead. */
    MESSAGE
  }

  /** Whether it still waits for an operator. */
  public enum State {
    HELD,
    REPLAYED
  }

  // Long enough for a mail's source; the rest is cut, the reason says so.
  public static final int CONTENT_MAX = 100_000;

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String channel;

  @Column(name = "intake_source")
  private String intakeSource;

  private String reference;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "lead_id")
  private UUID leadId;

  private String reason;

  private String content;

  @Column(name = "held_at")
  private Instant heldAt;

  @Enumerated(EnumType.STRING)
  private State state;

  @Column(name = "replayed_at")
  private Instant replayedAt;

  @Column(name = "replayed_lead_id")
  private UUID replayedLeadId;

  protected HeldInput() {}

  public HeldInput(
      Kind kind,
      String channel,
      String intakeSource,
      String reference,
      String idempotencyKey,
      UUID leadId,
      String reason,
      String content,
      Instant heldAt) {
    this.id = idFor(kind, intakeSource, idempotencyKey != null ? idempotencyKey : reference);
    this.kind = kind;
    this.channel = channel;
    this.intakeSource = intakeSource;
    this.reference = cut(reference, 1000);
    this.idempotencyKey = cut(idempotencyKey, 1000);
    this.leadId = leadId;
    this.reason = cut(reason, 2000);
    this.content = cut(content, CONTENT_MAX);
    this.heldAt = heldAt;
    this.state = State.HELD;
  }

  /**
   * The same input held twice (a mail read again after a crash) is one item: its id comes from what
   * identifies it on its channel.
   */
  public static UUID idFor(Kind kind, String intakeSource, String key) {
    return UUID.nameUUIDFromBytes(
        ("accord-held:" + kind + '\u0000' + intakeSource + '\u0000' + key)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Taken for a replay: no second replay may start while this one runs. */
  public void replaying(Instant at) {
    state = State.REPLAYED;
    replayedAt = at;
  }

  /** The replay could not send it; it waits for the operator again. */
  public void replayFailed() {
    state = State.HELD;
    replayedAt = null;
  }

  public void replayedAs(UUID asLead) {
    replayedLeadId = asLead;
  }

  /** Held again after a failed replay or a second failure: the newest reason is the one to fix. */
  public void heldAgain(String newReason, Instant at) {
    state = State.HELD;
    reason = cut(newReason, 2000);
    heldAt = at;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public UUID getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getChannel() {
    return channel;
  }

  public String getIntakeSource() {
    return intakeSource;
  }

  public String getReference() {
    return reference;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public UUID getLeadId() {
    return leadId;
  }

  public String getReason() {
    return reason;
  }

  public String getContent() {
    return content;
  }

  public Instant getHeldAt() {
    return heldAt;
  }

  public State getState() {
    return state;
  }

  public Instant getReplayedAt() {
    return replayedAt;
  }

  public UUID getReplayedLeadId() {
    return replayedLeadId;
  }
}
