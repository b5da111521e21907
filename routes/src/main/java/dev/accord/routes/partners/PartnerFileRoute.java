package dev.accord.routes.partners;

import dev.accord.routes.intake.IntakeHeaders;
import dev.accord.routes.intake.InvalidLeadException;
import dev.accord.routes.intake.Quarantine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's file feed: polls the partner's local folder ({@code partner-file-<id>}) and SFTP
 * directory ({@code partner-sftp-<id>}) for {@code *.csv}, {@code *.jsonl} and {@code *.ndjson}
 * files and hands every row to the intake endpoint as one lead.
 *
 * <ul>
 *   <li>A file is read only after it has been unchanged for the partner's {@code quietMillis}, so
 *       an upload in progress is not read half-way. Files whose name starts with a dot, or ends in
 *       anything else (such as {@code .part}), are never read: uploading under such a name and
 *       renaming at the end is the safe way for a partner.
 *   <li>A file is taken once by content: one whose SHA-256 was taken before, under any name, goes
 *       to {@code .done/} without producing leads. Each row's idempotency key is {@code
 *       file:<sha256>:<row>}, so reading a file again after a crash cannot make second leads.
 *   <li>A bad row is written to {@code .done/<name>.rejects.csv} and quarantined; the other rows go
 *       on. A file that cannot be read at all is quarantined and moved to {@code .failed/}.
 *   <li>When intake fails for any other reason (the broker is down) the file stays where it is and
 *       is read again at the next poll.
 * </ul>
 */
public final class PartnerFileRoute extends RouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerFileRoute.class);

  static final String DONE = ".done";
  static final String FAILED = ".failed";

  // Read by the consumer's move expression when the exchange completes.
  private static final String TARGET_FOLDER = "AccordFeedTargetFolder";
  private static final String FEED_CHANNEL = "AccordFeedChannel";
  private static final String FEED_SHA256 = "AccordFeedSha256";
  private static final String FEED_REJECTS = "AccordFeedRejects";
  private static final String FEED_ROW = "AccordFeedRow";
  // The quarantine keeps only the start of a whole file; the file itself is kept in .failed/.
  private static final int QUARANTINED_FILE_CHARS = 64 * 1024;

  private final PartnerSettings partner;
  private final String intakeEndpoint;
  private final Quarantine quarantine;
  private final ProcessedFiles processedFiles;
  private final FeedRows feedRows;

  public PartnerFileRoute(
      PartnerSettings partner,
      String intakeEndpoint,
      Quarantine quarantine,
      ProcessedFiles processedFiles) {
    this.partner = Objects.requireNonNull(partner, "partner");
    this.intakeEndpoint = Objects.requireNonNull(intakeEndpoint, "intakeEndpoint");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
    this.processedFiles = Objects.requireNonNull(processedFiles, "processedFiles");
    this.feedRows = new FeedRows(partner.delimiter(), partner.mapping());
  }

  @Override
  public void configure() {
    if (partner.folder() != null) {
      feed("file", "file:" + partner.folder() + "?" + fileOptions(), fileRejects());
    }
    if (partner.sftp() != null) {
      feed("sftp", sftp(partner.sftp().directory()) + "&" + sftpOptions(), sftpRejects());
    }
  }

  private void feed(String channel, String from, String rejectsEndpoint) {
    String routeId = "partner-" + channel + "-" + partner.id();
    from(from)
        .routeId(routeId)
        // A dead letter channel would mark a failed file as handled and move it to .done with
        // rows unsent; without an error handler the failure reaches the consumer, which leaves the
        // file in place for the next poll.
        .errorHandler(noErrorHandler())
        .setProperty(FEED_CHANNEL, constant(channel))
        .setHeader(TARGET_FOLDER, constant(DONE))
        .process(this::readFeed)
        .id(routeId + "-read-feed")
        .filter(exchangeProperty(FEED_REJECTS).isNotNull())
        .split(body())
        .stopOnException()
        .doTry()
        .process(this::asLead)
        .id(routeId + "-row-as-lead")
        .to(intakeEndpoint)
        .id(routeId + "-hand-row-to-intake")
        .doCatch(InvalidLeadException.class, UnreadableInputException.class)
        .process(this::reject)
        .id(routeId + "-reject-row")
        .end()
        .end()
        .process(exchange -> finishFeed(exchange, rejectsEndpoint))
        .id(routeId + "-report-rejects-and-record")
        .end();
  }

  /**
   * Leaves the file's rows as the body, or, for a file that is taken already or cannot be read,
   * settles it here and leaves nothing to split.
   */
  private void readFeed(Exchange exchange) throws IOException {
    Message message = exchange.getMessage();
    String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
    String channel = exchange.getProperty(FEED_CHANNEL, String.class);
    Long length = message.getHeader(Exchange.FILE_LENGTH, Long.class);
    byte[] content = null;
    if (length == null || length <= partner.maxFileBytes()) {
      try (InputStream in = message.getBody(InputStream.class)) {
        // One byte more than allowed tells a file that grew after it was listed.
        content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, partner.maxFileBytes() + 1));
      }
    }
    if (content == null || content.length > partner.maxFileBytes()) {
      setAside(
          exchange,
          channel,
          fileName,
          null,
          "is larger than " + partner.maxFileBytes() + " bytes",
          "");
      return;
    }
    String sha256 = sha256(content);
    Optional<String> earlier = processedFiles.earlierFileName(partner.id(), sha256);
    if (earlier.isPresent()) {
      LOG.info(
          "Partner {} file {} is a duplicate of {}, taken before; moved to {} without leads",
          partner.id(),
          fileName,
          earlier.get(),
          DONE);
      return;
    }
    FeedFile feed;
    try {
      feed = feedRows.read(fileName, content);
    } catch (UnusableFeedException e) {
      String text = new String(content, StandardCharsets.UTF_8);
      setAside(
          exchange,
          channel,
          fileName,
          "file:" + sha256,
          e.getMessage(),
          text.substring(0, Math.min(text.length(), QUARANTINED_FILE_CHARS)));
      return;
    }
    exchange.setProperty(FEED_SHA256, sha256);
    exchange.setProperty(FEED_REJECTS, new RejectsFile(feed.columns(), partner.delimiter()));
    message.setBody(feed.rows());
  }

  private void setAside(
      Exchange exchange,
      String channel,
      String fileName,
      String idempotencyKey,
      String reason,
      String content) {
    LOG.warn("Partner {} file {} {}; moved to {}", partner.id(), fileName, reason, FAILED);
    quarantine.hold(
        new Quarantine.Quarantined(
            channel, partner.source(), fileName, idempotencyKey, reason, content));
    exchange.getMessage().setHeader(TARGET_FOLDER, FAILED);
  }

  /** Turns one row into the intake request; the row's own headers are not the lead's. */
  private void asLead(Exchange exchange) {
    Message message = exchange.getMessage();
    FeedRow row = message.getBody(FeedRow.class);
    String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange.setProperty(FEED_ROW, row);
    if (row.problem() != null) {
      throw new UnreadableInputException(row.problem());
    }
    message.removeHeaders("*");
    message.setHeader(IntakeHeaders.INTAKE_SOURCE, partner.source());
    message.setHeader(IntakeHeaders.CHANNEL, exchange.getProperty(FEED_CHANNEL));
    message.setHeader(IntakeHeaders.CHANNEL_REFERENCE, fileName + " row " + row.number());
    message.setHeader(IntakeHeaders.IDEMPOTENCY_KEY, rowKey(exchange, row));
    message.setBody(partner.mapping().toLeadJson(row.fields()));
  }

  private void reject(Exchange exchange) {
    String reason =
        RejectionReason.of(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    exchange
        .getProperty(FEED_REJECTS, RejectsFile.class)
        .add(exchange.getProperty(FEED_ROW, FeedRow.class), reason);
  }

  /**
   * Runs only once every row was handed over, so that a file whose intake failed is neither
   * recorded as taken nor has its bad rows quarantined twice when it is read again.
   */
  private void finishFeed(Exchange exchange, String rejectsEndpoint) {
    Message message = exchange.getMessage();
    String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
    String channel = exchange.getProperty(FEED_CHANNEL, String.class);
    String sha256 = exchange.getProperty(FEED_SHA256, String.class);
    RejectsFile rejects = exchange.getProperty(FEED_REJECTS, RejectsFile.class);
    if (!rejects.rejected().isEmpty()) {
      try (ProducerTemplate producer = exchange.getContext().createProducerTemplate()) {
        producer.sendBodyAndHeader(
            rejectsEndpoint, rejects.toBytes(), Exchange.FILE_NAME, RejectsFile.nameFor(fileName));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot close the rejects file's producer", e);
      }
      for (RejectsFile.Rejected reject : rejects.rejected()) {
        FeedRow row = reject.row();
        quarantine.hold(
            new Quarantine.Quarantined(
                channel,
                partner.source(),
                fileName + " row " + row.number(),
                rowKey(exchange, row),
                reject.reason(),
                row.text()));
      }
    }
    if (!processedFiles.firstTime(partner.id(), sha256, fileName)) {
      LOG.info(
          "Partner {} file {} was taken by another poller at the same time",
          partner.id(),
          fileName);
    }
    int rows = message.getBody(List.class).size();
    LOG.info(
        "Partner {} file {}: {} rows, {} rejected",
        partner.id(),
        fileName,
        rows,
        rejects.rejected().size());
  }

  private static String rowKey(Exchange exchange, FeedRow row) {
    return "file:" + exchange.getProperty(FEED_SHA256, String.class) + ":" + row.number();
  }

  private String fileOptions() {
    return pollingOptions()
        + "&readLockMinAge="
        + partner.quietMillis()
        + "&readLockCheckInterval="
        + checkInterval()
        + "&readLockTimeout="
        + (partner.quietMillis() * 2 + checkInterval());
  }

  private String sftpOptions() {
    return pollingOptions()
        + hostKeyOptions()
        // Streamed so that a file over maxFileBytes is refused without being downloaded.
        + "&streamDownload=true"
        + "&readLockMinAge="
        + partner.quietMillis()
        + "&readLockCheckInterval="
        + checkInterval()
        + "&readLockTimeout="
        + (partner.quietMillis() * 2 + checkInterval());
  }

  private String pollingOptions() {
    return "include=(?i).*\\.(csv|jsonl|ndjson)"
        + "&exclude=(?i).*\\.rejects\\.csv"
        + "&readLock=changed"
        + "&move=${header."
        + TARGET_FOLDER
        + "}/${file:name}"
        + "&sortBy=file:modified"
        + "&delay="
        + partner.pollMillis();
  }

  private long checkInterval() {
    return Math.max(100, Math.min(1000, partner.quietMillis() / 4));
  }

  private String fileRejects() {
    return "file:" + partner.folder() + "/" + DONE;
  }

  private String sftpRejects() {
    String directory = partner.sftp().directory();
    // The same host-key check as the poller: rejected rows hold personal data.
    return sftp(directory.isEmpty() ? DONE : directory + "/" + DONE) + hostKeyOptions();
  }

  private String hostKeyOptions() {
    PartnerSettings.Sftp sftp = partner.sftp();
    return "&useUserKnownHostsFile=false"
        + (sftp.knownHostsFile() == null
            ? "&strictHostKeyChecking=no"
            : "&strictHostKeyChecking=yes&knownHostsFile=" + raw(sftp.knownHostsFile()));
  }

  /** The endpoint for a directory on the partner's server, with credentials as RAW values. */
  private String sftp(String directory) {
    PartnerSettings.Sftp sftp = partner.sftp();
    return "sftp://"
        + sftp.host()
        + ":"
        + sftp.port()
        + "/"
        + directory
        + "?username="
        + raw(sftp.user())
        + "&password="
        + raw(sftp.password());
  }

  private static String raw(String value) {
    return value.contains(")") ? "RAW{" + value + "}" : "RAW(" + value + ")";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
