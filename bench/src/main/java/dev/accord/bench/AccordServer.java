package dev.accord.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One WildFly running the Accord EAR from a server base folder of the benchmark's own, started and
 * stopped like {@code run.sh} does, because a restart is one of the things being measured; its heap
 * and CPU time are read over JMX from the JDK's own beans.
 */
final class AccordServer {

  private static final String EAR = "accord.ear";

  private final Path wildfly;
  private final Path baseDir;
  private final int portOffset;
  private final String heapSizing;
  private final List<String> serverProperties;

  private Process script;
  private ProcessHandle java;
  private JMXConnector jmx;

  AccordServer(
      Path wildfly,
      Path baseDir,
      int portOffset,
      String heapSizing,
      List<String> serverProperties) {
    this.wildfly = wildfly;
    this.baseDir = baseDir;
    this.portOffset = portOffset;
    this.heapSizing = heapSizing;
    this.serverProperties = List.copyOf(serverProperties);
  }

  int httpPort() {
    return 8080 + portOffset;
  }

  /**
   * Launches the server; returns when the process runs, not when Accord is deployed.
   *
   * @throws IllegalStateException if another process already listens on its ports
   */
  Instant start() throws IOException, InterruptedException {
    for (int port : new int[] {httpPort(), 9990 + portOffset}) {
      if (listening(port)) {
        throw new IllegalStateException(
            "port " + port + " is taken: another server runs with port offset " + portOffset);
      }
    }
    Path deployments = baseDir.resolve("deployments");
    for (String marker : new String[] {".deployed", ".failed", ".isdeploying", ".pending"}) {
      // Without its marker the scanner deploys the EAR afresh and writes a new .deployed.
      Files.deleteIfExists(deployments.resolve(EAR + marker));
    }
    Path pidFile = baseDir.resolve("server.pid");
    Files.deleteIfExists(pidFile);
    List<String> command = new ArrayList<>();
    command.add(wildfly.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + baseDir);
    command.add("-Djboss.socket.binding.port-offset=" + portOffset);
    command.add("-c");
    command.add("standalone-accord.xml");
    command.addAll(serverProperties);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("JBOSS_JAVA_SIZING", heapSizing);
    // In the background the script relays SIGTERM to the JVM and writes the JVM's pid.
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    env.put("JBOSS_PIDFILE", pidFile.toString());
    Instant launched = Instant.now();
    script = builder.start();
    for (int i = 0; i < 600 && !Files.exists(pidFile); i++) {
      if (!script.isAlive()) {
        throw new IllegalStateException("standalone.sh exited with " + script.exitValue());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    java =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("the server JVM " + pid + " is gone"));
    return launched;
  }

  /**
   * Waits until the deployment scanner marks the EAR deployed.
   *
   * @return when the marker was seen, within 20 ms of its writing (its own modification time is the
   *     EAR's, which the scanner copies onto it)
   * @throws IllegalStateException if the deployment failed, the server died or time ran out
   */
  Instant awaitDeployed(Duration within) throws IOException, InterruptedException {
    Path deployments = baseDir.resolve("deployments");
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      Path deployed = deployments.resolve(EAR + ".deployed");
      if (Files.exists(deployed)) {
        return Instant.now();
      }
      Path failed = deployments.resolve(EAR + ".failed");
      if (Files.exists(failed)) {
        throw new IllegalStateException("Accord failed to deploy: " + Files.readString(failed));
      }
      if (!java.isAlive()) {
        throw new IllegalStateException("the server exited; see " + baseDir.resolve("console.log"));
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new IllegalStateException("Accord was not deployed within " + within);
  }

  /**
   * Stops the server with SIGTERM (a clean shutdown, as an operator restarts it), or kills it if it
   * has not stopped within the given time.
   *
   * @return how long it took to stop
   */
  Duration stop(Duration within) throws InterruptedException {
    closeJmx();
    if (java == null) {
      return Duration.ZERO;
    }
    long start = System.nanoTime();
    java.destroy();
    try {
      java.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      java.destroyForcibly();
      java.onExit().join();
    }
    script.waitFor(30, TimeUnit.SECONDS);
    java = null;
    return Duration.ofNanos(System.nanoTime() - start);
  }

  boolean running() {
    return java != null && java.isAlive();
  }

  long pid() {
    return java.pid();
  }

  /** Heap in use after two full collections: what the server keeps, not what it has yet to free. */
  long heapUsedAfterFullGc() throws IOException {
    MemoryMXBean memory =
        ManagementFactory.newPlatformMXBeanProxy(
            jmx().getMBeanServerConnection(),
            ManagementFactory.MEMORY_MXBEAN_NAME,
            MemoryMXBean.class);
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** CPU time the server's JVM has used since it started, all threads. */
  Duration cpuTime() throws IOException {
    MBeanServerConnection connection = jmx().getMBeanServerConnection();
    OperatingSystemMXBean os =
        ManagementFactory.newPlatformMXBeanProxy(
            connection,
            ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
            OperatingSystemMXBean.class);
    return Duration.ofNanos(os.getProcessCpuTime());
  }

  private JMXConnector jmx() throws IOException {
    if (jmx == null) {
      try {
        // The local agent listens on loopback only and is started in the server on demand.
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid()));
        String address;
        try {
          address = vm.startLocalManagementAgent();
        } finally {
          vm.detach();
        }
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
      } catch (com.sun.tools.attach.AttachNotSupportedException e) {
        throw new IOException("cannot attach to the server JVM " + pid(), e);
      }
    }
    return jmx;
  }

  private void closeJmx() {
    if (jmx != null) {
      try {
        jmx.close();
      } catch (IOException ignored) {
        // the server is going away anyway
      }
      jmx = null;
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException nobody) {
      return false;
    }
  }
}
