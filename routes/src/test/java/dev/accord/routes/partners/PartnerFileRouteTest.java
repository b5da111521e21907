package dev.accord.routes.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.accord.routes.intake.FieldMapping;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeHeaders;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIds;
import dev.accord.routes.intake.LeadIntakeRoute;
import dev.accord.routes.intake.Quarantine.Quarantined;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerFileRouteTest extends CamelTestSupport {

  private static final String INTAKE = "direct:lead-intake";
  private static final String LEADS_QUEUE = "mock:leads-queue";
  private static final Instant NOW = Instant.parse("2025-03-03T09:15:00Z");
  private static final String SOURCE = "partner-acme";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private static final FieldMapping GERMAN_COLUMNS =
      new FieldMapping(
          Map.of("E-Mail", "email", "Land", "country", "Firma", "company", "Notiz", "message"),
          false,
          Set.of());

  @TempDir Path folder;

  private final HeldInMemory quarantine = new HeldInMemory();
  private final InMemoryProcessedFiles processedFiles = new InMemoryProcessedFiles();

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    return new RoutesBuilder[] {
      new IntakeRouteConfiguration(),
      new LeadIntakeRoute(
          new IntakeEndpoints(INTAKE, LEADS_QUEUE), Clock.fixed(NOW, ZoneOffset.UTC))
    };
  }

  @Test
  void rowsOfAMappedCsvFileBecomeNormalisedLeadsAndTheFileMovesToDone() throws Exception {
    FieldMapping mapping =
        new FieldMapping(
            Map.of("E-Mail", "email", "Land", "country", "Firma", "company"), true, Set.of());
    startFeed(partner(',', mapping, 300, 50_000), INTAKE);
    byte[] content =
        utf8(
            "E-Mail,Land,Firma,Plan\n"
                + "Ada@Example.COM,germany,Analytical Engines,enterprise\n"
                + "bob@example.com,AT,,\n");

    Files.write(folder.resolve("leads.csv"), content);

    awaitFile(".done/leads.csv");
    String sha = sha256(content);
    assertThat(leads())
        .extracting(
            IncomingLead::leadId,
            IncomingLead::intakeSource,
            IncomingLead::email,
            IncomingLead::country,
            IncomingLead::company,
            IncomingLead::attributes,
            IncomingLead::channel,
            IncomingLead::channelReference)
        .containsExactly(
            tuple(
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":2"),
                SOURCE,
                "ada@example.com",
                "DE",
                "Analytical Engines",
                Map.of("plan", "enterprise"),
                "file",
                "leads.csv row 2"),
            tuple(
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":3"),
                SOURCE,
                "bob@example.com",
                "AT",
                null,
                Map.of(),
                "file",
                "leads.csv row 3"));
    assertThat(folder.resolve("leads.csv")).doesNotExist();
    assertThat(folder.resolve(".done/leads.csv.rejects.csv")).doesNotExist();
    assertThat(quarantine.items()).isEmpty();
    assertThat(processedFiles.recorded()).isEqualTo(Map.of("acme:" + sha, "leads.csv"));
  }

  @Test
  void messyEuropeanSpreadsheetExportKeepsGoodRowsAndReturnsBadRowsInARejectsFile()
      throws Exception {
    startFeed(partner(';', GERMAN_COLUMNS, 300, 50_000), INTAKE);
    byte[] content =
        utf8(
            "\uFEFFE-Mail ;Land ;Firma;Notiz \r\n"
                + "ada@example.com;DE;Analytical Engines;\"Bitte anrufen\r\nab 10 Uhr\"\r\n"
                + "\r\n"
                + "bob@example.com;AT;Bob GmbH;\r\n"
                + "bob@example.com;AT;Bob GmbH;\r\n"
                + "carl@example.com;CH\r\n"
                + "not-an-address;Atlantis;=1+2;x\r\n"
                + "dora@example.com;FR;Dora SA;ok\r\n");

    Files.write(folder.resolve("leads.csv"), content);

    awaitFile(".done/leads.csv");
    String sha = sha256(content);
    assertThat(leads())
        .extracting(
            IncomingLead::channelReference,
            IncomingLead::email,
            IncomingLead::country,
            IncomingLead::company,
            IncomingLead::message,
            IncomingLead::leadId)
        .containsExactly(
            tuple(
                "leads.csv row 2",
                "ada@example.com",
                "DE",
                "Analytical Engines",
                "Bitte anrufen\nab 10 Uhr",
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":2")),
            tuple(
                "leads.csv row 4",
                "bob@example.com",
                "AT",
                "Bob GmbH",
                null,
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":4")),
            // The same person twice is not lost here; person merge handles it downstream.
            tuple(
                "leads.csv row 5",
                "bob@example.com",
                "AT",
                "Bob GmbH",
                null,
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":5")),
            tuple(
                "leads.csv row 8",
                "dora@example.com",
                "FR",
                "Dora SA",
                "ok",
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":8")));
    assertThat(text(".done/leads.csv.rejects.csv"))
        .isEqualTo(
            "\uFEFFrow;reason;E-Mail;Land;Firma;Notiz\r\n"
                + "6;has 2 columns where the header has 4;carl@example.com;CH\r\n"
                + "7;\"email is not a valid e-mail address; country 'Atlantis' is not an ISO 3166"
                + " country\";not-an-address;Atlantis;'=1+2;x\r\n");
    assertThat(quarantine.items())
        .containsExactly(
            new Quarantined(
                "file",
                SOURCE,
                "leads.csv row 6",
                "file:" + sha + ":6",
                "has 2 columns where the header has 4",
                "carl@example.com;CH"),
            new Quarantined(
                "file",
                SOURCE,
                "leads.csv row 7",
                "file:" + sha + ":7",
                "email is not a valid e-mail address; country 'Atlantis' is not an ISO 3166"
                    + " country",
                "not-an-address;Atlantis;=1+2;x"));
  }

  @Test
  void jsonLinesFileGivesOneLeadPerLineAndRejectsBrokenLines() throws Exception {
    startFeed(partner(',', FieldMapping.identity(), 300, 50_000), INTAKE);
    byte[] content =
        utf8(
            "{\"email\": \"ada@example.com\", \"country\": \"DE\", \"employees\": 250}\n"
                + "\n"
                + "{\"email\": \"bob@example.com\", \"country\": \n"
                + "{\"email\": \"carl@example.com\", \"country\": \"Atlantis\"}\n"
                + "{\"email\": \"dora@example.com\", \"country\": \"FR\", \"title\": \"CTO\"}\n");

    Files.write(folder.resolve("leads.jsonl"), content);

    awaitFile(".done/leads.jsonl");
    String sha = sha256(content);
    assertThat(leads())
        .extracting(
            IncomingLead::channelReference,
            IncomingLead::email,
            IncomingLead::country,
            IncomingLead::employees,
            IncomingLead::title,
            IncomingLead::leadId)
        .containsExactly(
            tuple(
                "leads.jsonl row 1",
                "ada@example.com",
                "DE",
                250,
                null,
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":1")),
            tuple(
                "leads.jsonl row 5",
                "dora@example.com",
                "FR",
                null,
                "CTO",
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":5")));
    assertThat(text(".done/leads.jsonl.rejects.csv"))
        .isEqualTo(
            "\uFEFFrow,reason,line\r\n"
                + "3,is not valid JSON at column 41,"
                + "\"{\"\"email\"\": \"\"bob@example.com\"\", \"\"country\"\": \"\r\n"
                + "4,country 'Atlantis' is not an ISO 3166 country,"
                + "\"{\"\"email\"\": \"\"carl@example.com\"\", \"\"country\"\": \"\"Atlantis\"\"}\"\r\n");
    assertThat(quarantine.items())
        .extracting(Quarantined::reference, Quarantined::idempotencyKey, Quarantined::reason)
        .containsExactly(
            tuple("leads.jsonl row 3", "file:" + sha + ":3", "is not valid JSON at column 41"),
            tuple(
                "leads.jsonl row 4",
                "file:" + sha + ":4",
                "country 'Atlantis' is not an ISO 3166 country"));
  }

  @Test
  void fileStillBeingWrittenIsNotReadUntilItIsComplete() throws Exception {
    startFeed(partner(',', GERMAN_COLUMNS, 2_000, 50_000), INTAKE);
    Path file = folder.resolve("leads.csv");

    Files.write(file, utf8("E-Mail,Land\nada@example.com,"));

    await()
        .during(Duration.ofMillis(1_500))
        .atMost(Duration.ofMillis(1_900))
        .until(() -> leads().isEmpty() && Files.exists(file));
    Files.write(file, utf8("DE\n"), StandardOpenOption.APPEND);
    awaitFile(".done/leads.csv");
    assertThat(leads())
        .extracting(IncomingLead::email, IncomingLead::country)
        .containsExactly(tuple("ada@example.com", "DE"));
    assertThat(quarantine.items()).isEmpty();
  }

  @Test
  void fileUploadedAgainUnderAnotherNameGivesNoSecondLeads() throws Exception {
    startFeed(partner(',', GERMAN_COLUMNS, 300, 50_000), INTAKE);
    byte[] content = utf8("E-Mail,Land\nada@example.com,DE\n");
    Files.write(folder.resolve("monday.csv"), content);
    awaitFile(".done/monday.csv");

    Files.write(folder.resolve("monday-again.csv"), content);

    awaitFile(".done/monday-again.csv");
    assertThat(leads())
        .extracting(IncomingLead::channelReference)
        .containsExactly("monday.csv row 2");
    assertThat(folder.resolve(".done/monday-again.csv.rejects.csv")).doesNotExist();
    assertThat(processedFiles.recorded())
        .isEqualTo(Map.of("acme:" + sha256(content), "monday.csv"));
  }

  @Test
  void filesThatCannotBeReadAreQuarantinedWholeAndTheFeedGoesOn() throws Exception {
    startFeed(partner(',', GERMAN_COLUMNS, 300, 200), INTAKE);
    byte[] noHeader = utf8("\r\n,\r\n");
    byte[] noEmailColumn = utf8("Mail,Land\nada@example.com,DE\n");
    byte[] latin1 =
        "E-Mail,Land,Stadt\nada@example.com,DE,München\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] tooLarge = utf8("E-Mail,Land\n" + "ada@example.com,DE\n".repeat(20));
    Files.write(folder.resolve("no-header.csv"), noHeader);
    Files.write(folder.resolve("no-email.csv"), noEmailColumn);
    Files.write(folder.resolve("latin1.csv"), latin1);
    Files.write(folder.resolve("too-large.csv"), tooLarge);
    Files.write(folder.resolve("good.csv"), utf8("E-Mail,Land\nbob@example.com,AT\n"));

    awaitFile(".done/good.csv");
    await().atMost(PATIENCE).until(() -> quarantine.items().size() == 4);
    assertThat(quarantine.items())
        .extracting(
            Quarantined::channel,
            Quarantined::intakeSource,
            Quarantined::reference,
            Quarantined::idempotencyKey,
            Quarantined::reason)
        .containsExactlyInAnyOrder(
            tuple("file", SOURCE, "no-header.csv", "file:" + sha256(noHeader), "has no header row"),
            tuple(
                "file",
                SOURCE,
                "no-email.csv",
                "file:" + sha256(noEmailColumn),
                "has no column for email (columns: Mail, Land)"),
            tuple(
                "file",
                SOURCE,
                "latin1.csv",
                "file:" + sha256(latin1),
                "is not UTF-8 text (a spreadsheet can save it as \"CSV UTF-8\")"),
            tuple("file", SOURCE, "too-large.csv", null, "is larger than 200 bytes"));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(folder.resolve(".failed"))
                    .isDirectoryContaining("glob:**/no-header.csv")
                    .isDirectoryContaining("glob:**/no-email.csv")
                    .isDirectoryContaining("glob:**/latin1.csv")
                    .isDirectoryContaining("glob:**/too-large.csv"));
    assertThat(leads()).extracting(IncomingLead::email).containsExactly("bob@example.com");
    assertThat(processedFiles.recorded()).hasSize(1);
  }

  @Test
  void fileWhoseIntakeFailsStaysInPlaceAndIsTakenLaterWithoutDoubledLeads() throws Exception {
    AtomicBoolean brokerDown = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:flaky-intake")
                .errorHandler(noErrorHandler())
                .process(
                    exchange -> {
                      String row =
                          exchange
                              .getMessage()
                              .getHeader(IntakeHeaders.CHANNEL_REFERENCE, String.class);
                      if (brokerDown.get() && row.equals("leads.csv row 3")) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("broker unavailable");
                      }
                    })
                .to(INTAKE);
          }
        });
    startFeed(partner(',', GERMAN_COLUMNS, 300, 50_000), "direct:flaky-intake");
    byte[] content =
        utf8("E-Mail,Land\nada@example.com,DE\nbob@example.com,AT\ncarl@example.com,CH\n");

    Files.write(folder.resolve("leads.csv"), content);

    await().atMost(PATIENCE).until(() -> failures.get() >= 2);
    assertThat(folder.resolve("leads.csv")).exists();
    assertThat(folder.resolve(".done/leads.csv")).doesNotExist();
    assertThat(processedFiles.recorded()).isEmpty();
    brokerDown.set(false);
    awaitFile(".done/leads.csv");
    String sha = sha256(content);
    Map<String, Set<Object>> leadIdsByRow =
        leads().stream()
            .collect(
                Collectors.groupingBy(
                    IncomingLead::channelReference,
                    Collectors.mapping(IncomingLead::leadId, Collectors.toSet())));
    // Row 2 was queued again on every attempt, always as the same lead.
    assertThat(leadIdsByRow)
        .isEqualTo(
            Map.of(
                "leads.csv row 2", Set.of(LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":2")),
                "leads.csv row 3", Set.of(LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":3")),
                "leads.csv row 4",
                    Set.of(LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":4"))));
    assertThat(leads())
        .extracting(IncomingLead::channelReference)
        .endsWith("leads.csv row 2", "leads.csv row 3", "leads.csv row 4")
        .filteredOn(row -> !row.equals("leads.csv row 2"))
        .containsExactly("leads.csv row 3", "leads.csv row 4");
    assertThat(quarantine.items()).isEmpty();
  }

  private PartnerSettings partner(
      char delimiter, FieldMapping mapping, long quietMillis, long maxFileBytes) {
    return new PartnerSettings(
        "acme",
        SOURCE,
        folder.toString(),
        null,
        null,
        delimiter,
        mapping,
        200L,
        maxFileBytes,
        quietMillis);
  }

  private void startFeed(PartnerSettings partner, String intake) throws Exception {
    context.addRoutes(new PartnerFileRoute(partner, intake, quarantine, processedFiles));
  }

  private List<IncomingLead> leads() {
    return getMockEndpoint(LEADS_QUEUE).getReceivedExchanges().stream()
        .map(exchange -> IncomingLeadCodec.fromJson(exchange.getMessage().getBody(String.class)))
        .toList();
  }

  private void awaitFile(String relative) {
    await().atMost(PATIENCE).until(() -> Files.exists(folder.resolve(relative)));
  }

  private String text(String relative) throws Exception {
    return Files.readString(folder.resolve(relative), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
