package dev.accord.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A partner file taken, known by its content, so the same file under another name is not. */
@Entity
@Table(name = "intake_processed_file")
public class ProcessedFile {

  /** A partner and a file content hash. */
  @Embeddable
  public record Key(
      @Column(name = "partner_id") String partnerId,
      @Column(name = "content_sha256") String contentSha256)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "taken_at")
  private Instant takenAt;

  protected ProcessedFile() {}

  public ProcessedFile(Key key, String fileName, Instant takenAt) {
    this.key = key;
    this.fileName = fileName.length() > 500 ? fileName.substring(0, 500) : fileName;
    this.takenAt = takenAt;
  }

  public String getFileName() {
    return fileName;
  }
}
