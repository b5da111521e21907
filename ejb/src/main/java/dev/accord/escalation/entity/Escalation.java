package dev.accord.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert to one recipient over one channel, recorded in the transaction that fired its stage and
 * before anything is sent, so it is neither lost nor sent twice however often the sender fails or
 * the server restarts; its attempts and last error are visible through the API.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

  /** How the alert travels. */
  public enum Channel {
    EMAIL,
    JMS,
    WEBHOOK
  }

  /** Whether the alert went out. */
  public enum Status {
    PENDING,
    SENT
  }

  @Id private UUID id;

  @Column(name = "clock_id")
  private UUID clockId;

  @Column(name = "lead_id")
  private UUID leadId;

  @Column(name = "commitment_id")
  private UUID commitmentId;

  private String stage;

  @Column(name = "recipient_role")
  private String recipientRole;

  @Column(name = "recipient_name")
  private String recipientName;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  private String address;

  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "json_body")
  private String jsonBody;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Escalation() {}

  /** What to say, in each form a channel needs. */
  public record Content(String subject, String text, String html, String json) {}

  /** Who is told, how, and what. */
  public record Delivery(
      String recipientRole,
      String recipientName,
      Channel channel,
      String address,
      Content content) {}

  /** An alert about a stage of a lead's clock. */
  public static Escalation ofClock(
      UUID clockId, UUID leadId, String stage, Delivery delivery, Instant createdAt) {
    return new Escalation(clockId, leadId, null, stage, delivery, createdAt);
  }

  /** An alert about a lead itself, e.g. that nobody could take it. */
  public static Escalation ofLead(UUID leadId, String stage, Delivery delivery, Instant createdAt) {
    return new Escalation(null, leadId, null, stage, delivery, createdAt);
  }

  /** An alert about a team's period commitment. */
  public static Escalation ofCommitment(
      UUID commitmentId, String stage, Delivery delivery, Instant createdAt) {
    return new Escalation(null, null, commitmentId, stage, delivery, createdAt);
  }

  private Escalation(
      UUID clockId,
      UUID leadId,
      UUID commitmentId,
      String stage,
      Delivery delivery,
      Instant createdAt) {
    String recipientRole = delivery.recipientRole();
    String recipientName = delivery.recipientName();
    Channel channel = delivery.channel();
    String address = delivery.address();
    Content content = delivery.content();
    this.id = UUID.randomUUID();
    this.clockId = clockId;
    this.leadId = leadId;
    this.commitmentId = commitmentId;
    this.stage = stage;
    this.recipientRole = recipientRole;
    this.recipientName = clip(recipientName, 100);
    this.channel = channel;
    this.address = address;
    this.subject = clip(content.subject(), 400);
    this.textBody = content.text();
    this.htmlBody = content.html();
    this.jsonBody = content.json();
    this.status = Status.PENDING;
    this.createdAt = createdAt;
    this.nextAttemptAt = createdAt;
  }

  // Names and companies come from web forms; an alert must never fail for a long one.
  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public void sent(Instant at) {
    attempts++;
    status = Status.SENT;
    sentAt = at;
    nextAttemptAt = null;
    lastError = null;
  }

  /** The attempt failed; the next one waits twice as long as the last, up to {@code max}. */
  public void failed(Instant at, String error, Duration initial, Duration max) {
    attempts++;
    long factor = 1L << Math.min(attempts - 1, 20);
    Duration wait = initial.multipliedBy(factor);
    nextAttemptAt = at.plus(wait.compareTo(max) > 0 ? max : wait);
    lastError =
        error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
  }

  public UUID getId() {
    return id;
  }

  public UUID getClockId() {
    return clockId;
  }

  /** Null for an alert about a period commitment. */
  public UUID getLeadId() {
    return leadId;
  }

  /** Null for an alert about a lead's clock. */
  public UUID getCommitmentId() {
    return commitmentId;
  }

  public String getStage() {
    return stage;
  }

  public String getRecipientRole() {
    return recipientRole;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getAddress() {
    return address;
  }

  public Content content() {
    return new Content(subject, textBody, htmlBody, jsonBody);
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
