package dev.accord.routes.partners;

import dev.accord.routes.intake.FieldMapping;
import java.util.regex.Pattern;

/**
 * One partner's feed configuration as the deployment binds it with Jackson (from {@code
 * channels.yaml}), validated on construction so that a typo stops the deployment instead of
 * silently losing a partner's leads.
 *
 * <p>Absent optional values take their defaults; {@code null} is the only "not given".
 *
 * @param id the partner id, {@code [a-z0-9-]+}; it names the routes and keys the processed files
 * @param source the intake source the partner's leads carry
 * @param folder a local folder the partner's files arrive in, if any
 * @param sftp an SFTP directory the partner's files arrive in, if any
 * @param queue a JMS queue the partner sends leads to, if any (e.g. {@code AccordPartnerAcme})
 * @param delimiter the CSV delimiter; default {@code ,} ({@code ;} is common in Europe)
 * @param mapping how the partner names lead fields; default {@link FieldMapping#identity()}
 * @param pollMillis how often the folders are polled; default 2000
 * @param maxFileBytes larger files are refused whole; default 50 MiB
 * @param quietMillis how long a file must go unchanged before it is read, so that a file still
 *     being uploaded is not read half-way; default 10000
 */
public record PartnerSettings(
    String id,
    String source,
    String folder,
    Sftp sftp,
    String queue,
    Character delimiter,
    FieldMapping mapping,
    Long pollMillis,
    Long maxFileBytes,
    Long quietMillis) {

  private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
  // Only names that cannot smuggle endpoint options into the JMS URI.
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9._-]+");

  /**
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public PartnerSettings {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must be lower-case letters, digits and '-': " + id);
    }
    require(source != null && !source.isBlank(), id, "source", "is required");
    require(folder == null || !folder.isBlank(), id, "folder", "is blank");
    require(folder == null || !folder.contains("?"), id, "folder", "must not contain '?'");
    require(queue == null || QUEUE.matcher(queue).matches(), id, "queue", "is not a queue name");
    require(folder != null || sftp != null || queue != null, id, "folder", "sftp or queue needed");
    delimiter = delimiter == null ? ',' : delimiter;
    require(
        delimiter != '"' && delimiter != '\r' && delimiter != '\n',
        id,
        "delimiter",
        "cannot be a quote or a line break");
    mapping = mapping == null ? FieldMapping.identity() : mapping;
    pollMillis = positive(pollMillis, 2000, id, "pollMillis");
    maxFileBytes = positive(maxFileBytes, 50L * 1024 * 1024, id, "maxFileBytes");
    quietMillis = positive(quietMillis, 10_000, id, "quietMillis");
  }

  private static long positive(Long value, long defaultValue, String id, String field) {
    require(value == null || value > 0, id, field, "must be positive");
    return value == null ? defaultValue : value;
  }

  private static void require(boolean condition, String id, String field, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("partner " + id + ": " + field + " " + problem);
    }
  }

  /**
   * An SFTP directory a partner uploads to, reached with password authentication.
   *
   * @param port default 22
   * @param directory relative to the login directory, or absolute when it starts with {@code /};
   *     default the login directory
   * @param knownHostsFile an OpenSSH {@code known_hosts} file holding the server's key; when absent
   *     the server's key is not checked (only acceptable inside a trusted network)
   */
  public record Sftp(
      String host,
      Integer port,
      String user,
      String password,
      String directory,
      String knownHostsFile) {

    public Sftp {
      if (host == null || host.isBlank() || host.contains("/") || host.contains("?")) {
        throw new IllegalArgumentException("sftp host is not a host name: " + host);
      }
      port = port == null ? 22 : port;
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("sftp port must be 1 to 65535: " + port);
      }
      if (user == null || user.isBlank()) {
        throw new IllegalArgumentException("sftp user is required");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("sftp password is required");
      }
      directory = directory == null ? "" : directory.strip();
      if (directory.contains("?")) {
        throw new IllegalArgumentException("sftp directory must not contain '?'");
      }
    }

    /** Never shows the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
      return "Sftp[host="
          + host
          + ", port="
          + port
          + ", user="
          + user
          + ", password=***, directory="
          + directory
          + ", knownHostsFile="
          + knownHostsFile
          + "]";
    }
  }
}
