package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * A WildFly of its own with Accord deployed, beside the one Arquillian manages: a server a test may
 * kill like a power cut (SIGKILL, no shutdown hooks) and start again on the same data, or a second
 * node of the Arquillian-managed server, sharing its database.
 */
final class SeparateServer {

  static final int PORT_OFFSET = 200;

  /** Where the server sends escalation e-mails; a test runs its mail server here. */
  static final int SMTP_PORT = 3025 + PORT_OFFSET;

  private final Path baseDir;
  private final List<String> settings;
  private Process process;

  /** A server deciding with the integration tests' rulebook. */
  SeparateServer() {
    this(Path.of(System.getProperty("accord.it.rulebook.dir")));
  }

  /** A server deciding with the rulebook in this folder. */
  SeparateServer(Path rulebook) {
    this(
        Path.of(System.getProperty("accord.it.crash.base.dir")),
        List.of(
            "-Xms256m",
            "-Xmx768m",
            "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
            "-Daccord.rulebook.dir=" + rulebook.toAbsolutePath(),
            "-Daccord.demo.enabled=true",
            "-Daccord.channels.file="
                + Path.of("src", "test", "channels", "crash-channels.yaml").toAbsolutePath(),
            "-Daccord.operator.keys=" + ChannelsIT.OPERATOR_KEY,
            // As the IT server: a rule that triggers itself is stopped after 500 firings.
            "-Daccord.rulebook.max-firings=500",
            "-Daccord.mail.host=127.0.0.1",
            "-Daccord.mail.port=" + SMTP_PORT,
            "-Daccord.escalation.retry-initial-ms=500",
            "-Daccord.escalation.retry-max-ms=2000",
            // A lead whose transaction was in doubt at the crash waits for transaction
            // recovery; scan every 10 s instead of every 2 minutes so the test ends sooner.
            "-DRecoveryEnvironmentBean.periodicRecoveryPeriod=10",
            "-DRecoveryEnvironmentBean.recoveryBackoffPeriod=2"));
  }

  private SeparateServer(Path baseDir, List<String> settings) {
    this.baseDir = baseDir;
    this.settings = settings;
  }

  /**
   * Starts the server's data afresh (database, broker journal, published rulebooks): each test
   * begins where a new installation would, whatever an earlier run or test left; crashes and
   * restarts within the test keep the data, as they must.
   */
  SeparateServer fresh() {
    Folders.delete(baseDir.resolve("data"));
    return this;
  }

  /**
   * A second node of the server Arquillian manages, as a cluster would run it: the same settings,
   * rulebook and database (the IT server's H2 serves it to other processes), its own broker, folder
   * and ports (offset {@link #PORT_OFFSET}).
   */
  static SeparateServer secondNodeOfTheItServer() {
    List<String> settings = new ArrayList<>();
    settings.add("-Xms256m");
    settings.add("-Xmx768m");
    settings.add("-Djboss.socket.binding.port-offset=" + PORT_OFFSET);
    settings.addAll(List.of(System.getProperty("accord.it.server.settings").trim().split("\\s+")));
    // Every node of a cluster needs a transaction node id of its own.
    settings.add("-Daccord.node.id=accord-it-2");
    Path baseDir = Path.of(System.getProperty("accord.it.second.node.base.dir"));
    // A fresh broker: messages an aborted earlier run left in its journal are not this run's.
    Folders.delete(baseDir.resolve("data"));
    return new SeparateServer(baseDir, List.copyOf(settings));
  }

  /** Starts the server with the EAR in its deployment folder; returns once the EAR is deployed. */
  void start() {
    try {
      Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
      Files.deleteIfExists(deployments.resolve("accord.ear.deployed"));
      Files.deleteIfExists(deployments.resolve("accord.ear.failed"));
      Files.copy(
          Path.of(System.getProperty("accord.ear")),
          deployments.resolve("accord.ear"),
          StandardCopyOption.REPLACE_EXISTING);
      StandaloneCommandBuilder command =
          StandaloneCommandBuilder.of(System.getProperty("accord.server.dir"))
              .setBaseDirectory(baseDir)
              .setServerConfiguration("standalone-accord.xml")
              .addJavaOptions(settings);
      process =
          Launcher.of(command)
              .setRedirectErrorStream(true)
              .redirectOutput(baseDir.resolve("console.log"))
              .launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns once the EAR is deployed; fails if the server died on the way. */
  void awaitDeployed() {
    Path marker = baseDir.resolve("deployments").resolve("accord.ear.deployed");
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Files.exists(marker) || !isRunning());
    assertThat(isRunning()).as("server process alive").isTrue();
  }

  /** The server's own log folder, where {@code server.log} and its daily rotations are. */
  Path logFolder() {
    return baseDir.resolve("log");
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the server at once, the way a power cut or the OOM killer would. */
  void crash() {
    process.destroyForcibly();
    awaitExit();
  }

  /** Stops the server gracefully. */
  void stop() {
    if (isRunning()) {
      process.destroy();
      awaitExit();
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
