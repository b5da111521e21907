package dev.accord.routes.partners;

import static dev.accord.routes.partners.PartnerFileRouteTest.sha256;
import static dev.accord.routes.partners.PartnerFileRouteTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.accord.routes.intake.FieldMapping;
import dev.accord.routes.intake.IncomingLead;
import dev.accord.routes.intake.IncomingLeadCodec;
import dev.accord.routes.intake.IntakeEndpoints;
import dev.accord.routes.intake.IntakeRouteConfiguration;
import dev.accord.routes.intake.LeadIds;
import dev.accord.routes.intake.LeadIntakeRoute;
import dev.accord.routes.intake.Quarantine.Quarantined;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partner's SFTP server is a real one (Apache MINA SSHD) on a free port. */
class PartnerSftpRouteTest extends CamelTestSupport {

  private static final String INTAKE = "direct:lead-intake";
  private static final String LEADS_QUEUE = "mock:leads-queue";
  private static final String SOURCE = "partner-acme";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path serverRoot;
  @TempDir Path hostKeys;

  private SshServer server;
  private final HeldInMemory quarantine = new HeldInMemory();
  private final InMemoryProcessedFiles processedFiles = new InMemoryProcessedFiles();

  @BeforeEach
  void startSftpServer() throws Exception {
    Files.createDirectories(serverRoot.resolve("outbox"));
    server = SshServer.setUpDefaultServer();
    server.setHost("localhost");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeys.resolve("host.key")));
    server.setPasswordAuthenticator(
        (user, password, session) -> user.equals("accord") && password.equals("s3cret)"));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(serverRoot));
    server.start();
  }

  @AfterEach
  void stopSftpServer() throws Exception {
    server.stop(true);
  }

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    return new RoutesBuilder[] {
      new IntakeRouteConfiguration(),
      new LeadIntakeRoute(
          new IntakeEndpoints(INTAKE, LEADS_QUEUE),
          Clock.fixed(Instant.parse("2025-03-03T09:15:00Z"), ZoneOffset.UTC))
    };
  }

  @Test
  void fileUploadedToThePartnersSftpDirectoryBecomesLeadsWithRejectsBesideIt() throws Exception {
    startFeed();
    byte[] content = utf8("E-Mail;Land\nada@example.com;DE\nbob@example.com\n");

    Files.write(serverRoot.resolve("outbox/leads.csv"), content);

    await()
        .atMost(PATIENCE)
        .until(() -> Files.exists(serverRoot.resolve("outbox/.done/leads.csv")));
    String sha = sha256(content);
    assertThat(leads())
        .extracting(
            IncomingLead::leadId,
            IncomingLead::email,
            IncomingLead::country,
            IncomingLead::channel,
            IncomingLead::channelReference)
        .containsExactly(
            tuple(
                LeadIds.forIdempotencyKey(SOURCE, "file:" + sha + ":2"),
                "ada@example.com",
                "DE",
                "sftp",
                "leads.csv row 2"));
    assertThat(
            Files.readString(
                serverRoot.resolve("outbox/.done/leads.csv.rejects.csv"), StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFrow;reason;E-Mail;Land\r\n"
                + "3;has 1 columns where the header has 2;bob@example.com\r\n");
    assertThat(quarantine.items())
        .containsExactly(
            new Quarantined(
                "sftp",
                SOURCE,
                "leads.csv row 3",
                "file:" + sha + ":3",
                "has 1 columns where the header has 2",
                "bob@example.com"));
    assertThat(serverRoot.resolve("outbox/leads.csv")).doesNotExist();
  }

  @Test
  void sftpFileSeenBeforeGoesToDoneWithoutLeads() throws Exception {
    startFeed();
    byte[] content = utf8("E-Mail;Land\nada@example.com;DE\n");
    Files.write(serverRoot.resolve("outbox/first.csv"), content);
    await()
        .atMost(PATIENCE)
        .until(() -> Files.exists(serverRoot.resolve("outbox/.done/first.csv")));

    Files.write(serverRoot.resolve("outbox/second.csv"), content);

    await()
        .atMost(PATIENCE)
        .until(() -> Files.exists(serverRoot.resolve("outbox/.done/second.csv")));
    assertThat(leads())
        .extracting(IncomingLead::channelReference)
        .containsExactly("first.csv row 2");
  }

  private void startFeed() throws Exception {
    PartnerSettings partner =
        new PartnerSettings(
            "acme",
            SOURCE,
            null,
            new PartnerSettings.Sftp(
                "localhost", server.getPort(), "accord", "s3cret)", "outbox", null),
            null,
            ';',
            new FieldMapping(Map.of("E-Mail", "email", "Land", "country"), false, Set.of()),
            200L,
            50_000L,
            1_000L);
    context.addRoutes(new PartnerFileRoute(partner, INTAKE, quarantine, processedFiles));
  }

  private List<IncomingLead> leads() {
    return getMockEndpoint(LEADS_QUEUE).getReceivedExchanges().stream()
        .map(exchange -> IncomingLeadCodec.fromJson(exchange.getMessage().getBody(String.class)))
        .toList();
  }
}
