package dev.accord.routes.mail;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.accord.routes.intake.FieldMapping;

/**
 * One mailbox Accord polls for leads, as the deployment declares it in {@code channels.yaml}; every
 * value is checked here so a typo stops the start instead of silently losing mail.
 *
 * <p>Absent optional values get defaults, so the nullable boxed types are never null after
 * construction.
 *
 * @param source the intake source the mailbox's leads carry, e.g. {@code sales-inbox}
 * @param tls {@code true} polls over {@code imaps}, {@code false} (default) over {@code imap}
 * @param folder the folder polled for new mail (default {@code INBOX})
 * @param doneFolder where a mail goes once its lead is queued (default {@code Accord/Done}); {@code
 *     /} separates levels whatever the server's own separator
 * @param quarantineFolder where a mail goes that was not a usable lead (default {@code
 *     Accord/Quarantine})
 * @param pollMillis pause between two polls (default 5000)
 * @param maxBytes a larger mail is quarantined without being parsed (default 5 MiB)
 * @param mapping how a form tool's {@code Field: value} lines name lead fields (default: lead field
 *     names and the common English labels only)
 */
public record MailboxSettings(
    @JsonProperty("source") String source,
    @JsonProperty("host") String host,
    @JsonProperty("port") Integer port,
    @JsonProperty("tls") Boolean tls,
    @JsonProperty("user") String user,
    @JsonProperty("password") String password,
    @JsonProperty("folder") String folder,
    @JsonProperty("doneFolder") String doneFolder,
    @JsonProperty("quarantineFolder") String quarantineFolder,
    @JsonProperty("pollMillis") Long pollMillis,
    @JsonProperty("maxBytes") Long maxBytes,
    @JsonProperty("mapping") FieldMapping mapping) {

  public static final String DEFAULT_FOLDER = "INBOX";
  public static final String DEFAULT_DONE_FOLDER = "Accord/Done";
  public static final String DEFAULT_QUARANTINE_FOLDER = "Accord/Quarantine";
  public static final long DEFAULT_POLL_MILLIS = 5000;
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  /**
   * @throws IllegalArgumentException naming the first field that is missing or wrong
   */
  public MailboxSettings {
    source = required("source", source);
    host = required("host", host);
    if (port == null) {
      throw new IllegalArgumentException("port is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535");
    }
    tls = tls != null && tls;
    user = required("user", user);
    // Never quote the value: the message may end up in a log.
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password is required");
    }
    folder = folder == null ? DEFAULT_FOLDER : required("folder", folder);
    doneFolder = doneFolder == null ? DEFAULT_DONE_FOLDER : required("doneFolder", doneFolder);
    quarantineFolder =
        quarantineFolder == null
            ? DEFAULT_QUARANTINE_FOLDER
            : required("quarantineFolder", quarantineFolder);
    // Filing a mail into the folder being polled would take it in again on every poll.
    if (doneFolder.equalsIgnoreCase(folder) || quarantineFolder.equalsIgnoreCase(folder)) {
      throw new IllegalArgumentException("doneFolder and quarantineFolder must differ from folder");
    }
    pollMillis = positive("pollMillis", pollMillis, DEFAULT_POLL_MILLIS);
    maxBytes = positive("maxBytes", maxBytes, DEFAULT_MAX_BYTES);
    mapping = mapping == null ? FieldMapping.identity() : mapping;
  }

  /** The mail store protocol camel-mail and Jakarta Mail name. */
  public String protocol() {
    return tls ? "imaps" : "imap";
  }

  @Override
  public String toString() {
    return "MailboxSettings[source=%s, host=%s, port=%d, tls=%s, user=%s, password=****, folder=%s,"
            .formatted(source, host, port, tls, user, folder)
        + " doneFolder=%s, quarantineFolder=%s, pollMillis=%d, maxBytes=%d, mapping=%s]"
            .formatted(doneFolder, quarantineFolder, pollMillis, maxBytes, mapping);
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }

  private static long positive(String field, Long value, long defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be a positive number");
    }
    return value;
  }
}
