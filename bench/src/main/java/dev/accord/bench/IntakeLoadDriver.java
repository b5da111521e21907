package dev.accord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a running Accord over HTTP and reports how long a lead takes to be accepted and to be
 * routed, as ratios to a bare authenticated GET measured in the same run, because that is the
 * latency a client sees and no unit test can show it.
 *
 * <p>Phases, all bounded: warm-up (not reported); baseline, {@code GET /api/leads/<random uuid>}
 * answering 404; sequential, one client posting leads and polling each until it is routed; and
 * concurrent, several clients doing the same. Loopback only. Exits 1 if any POST did not answer 202
 * or any lead was not ROUTED in time, 2 if it could not run at all.
 *
 * <p>Settings, as {@code --name=value} or {@code -Daccord.load.name=value}: {@code base-url}
 * (http://localhost:8080), {@code key} (the demo key), {@code leads} (200 per phase), {@code
 * clients} (4), {@code baseline-requests} (500), {@code warmup-leads} (200), {@code
 * routed-within-ms} (10000), {@code poll-pause-us} (500).
 */
public final class IntakeLoadDriver {

  private static final String[] COUNTRIES = {"DE", "US", "AU", "FR"};
  private static final String[] TITLES = {
    "VP Sales", "Marketing Manager", "Director of IT", "Founder & CEO", "Student"
  };
  private static final int[] EMPLOYEES = {800, 45, 5000, 120, 3, 250, 1500};
  private static final String[] SOURCES = {
    "webinar", "event", "referral", "paid-search", "website"
  };
  private static final String[] ACTIONS = {"demo", "pricing", "whitepaper", "newsletter", "trial"};

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Settings settings;
  private final HttpClient http;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger nextLead = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  private IntakeLoadDriver(Settings settings, HttpClient http) {
    this.settings = settings;
    this.http = http;
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.from(args);
    } catch (IllegalArgumentException e) {
      System.err.println("accord load driver: " + e.getMessage());
      System.exit(2);
      return;
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    IntakeLoadDriver driver = new IntakeLoadDriver(settings, http);
    System.out.println("accord load driver: " + settings);
    try {
      HttpResponse<String> probe = driver.get(UUID.randomUUID());
      if (probe.statusCode() != 404) {
        System.err.println(
            "accord load driver: expected 404 for an unknown lead, got "
                + probe.statusCode()
                + " (wrong key?): "
                + probe.body());
        System.exit(2);
      }
    } catch (IOException e) {
      System.err.println("accord load driver: " + settings.baseUrl() + " does not answer: " + e);
      System.exit(2);
    }
    System.exit(driver.run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    // Not reported: a freshly started server answered the baseline GET twice as slowly during its
    // first thousand or so requests, which would flatter every ratio.
    baseline(settings.baselineRequests());
    submit("warm-up", settings.warmupLeads(), settings.clients());

    Samples baseline = baseline(settings.baselineRequests());
    Phase sequential = submit("sequential", settings.leads(), 1);
    Phase concurrent =
        submit(settings.clients() + " clients", settings.leads(), settings.clients());

    double base = baseline.percentile(0.50);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-44s %5s %8s %8s %8s %8s   %s%n",
        "latency (ms)",
        "n",
        "p50",
        "p95",
        "p99",
        "max",
        "p50 / p95 / p99 / max as ratio to baseline p50");
    print("baseline GET unknown lead (404)", baseline, base);
    for (Phase phase : List.of(sequential, concurrent)) {
      print(phase.name() + ": POST -> 202", phase.accepted(), base);
      print(phase.name() + ": 202 -> GET sees it routed", phase.routed(), base);
      print(phase.name() + ": server receivedAt -> decidedAt", phase.decidedOnServer(), base);
    }
    System.out.println();
    for (Phase phase : List.of(sequential, concurrent)) {
      System.out.printf(
          Locale.ROOT,
          "%-12s %d leads routed in %.2f s = %.1f leads/s; %.1f polls per lead%n",
          phase.name() + ":",
          phase.routed().size(),
          phase.wallNanos() / 1e9,
          phase.routed().size() / (phase.wallNanos() / 1e9),
          phase.polls() / (double) Math.max(1, phase.routed().size()));
    }
    System.out.printf(
        Locale.ROOT,
        "baseline:    %d sequential GETs, %.1f requests/s%n",
        baseline.size(),
        baseline.size() / (baseline.wallNanos() / 1e9));
    if (!failures.isEmpty()) {
      System.out.println();
      System.out.println(failures.size() + " failure(s):");
      failures.stream().limit(20).forEach(failure -> System.out.println("  " + failure));
      return false;
    }
    return true;
  }

  /** Round trips of an authenticated GET that finds nothing: HTTP, the key check, a PK lookup. */
  private Samples baseline(int requests) throws IOException, InterruptedException {
    Samples samples = new Samples(requests);
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long sent = System.nanoTime();
      HttpResponse<String> response = get(UUID.randomUUID());
      samples.add(System.nanoTime() - sent);
      if (response.statusCode() != 404) {
        failures.add("baseline GET answered " + response.statusCode() + ": " + response.body());
      }
    }
    samples.finish(System.nanoTime() - start);
    return samples;
  }

  private Phase submit(String name, int leads, int clients) throws Exception {
    Samples accepted = new Samples(leads);
    Samples routed = new Samples(leads);
    Samples decidedOnServer = new Samples(leads);
    AtomicInteger remaining = new AtomicInteger(leads);
    AtomicLong polls = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  while (remaining.getAndDecrement() > 0) {
                    submitOne(accepted, routed, decidedOnServer, polls);
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long wall = System.nanoTime() - start;
    accepted.finish(wall);
    routed.finish(wall);
    decidedOnServer.finish(wall);
    return new Phase(name, accepted, routed, decidedOnServer, polls.get(), wall);
  }

  private void submitOne(
      Samples accepted, Samples routed, Samples decidedOnServer, AtomicLong polls)
      throws InterruptedException {
    int n = nextLead.getAndIncrement();
    try {
      long sent = System.nanoTime();
      HttpResponse<String> post =
          http.send(
              request("api/leads")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(lead(n))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long acceptedAt = System.nanoTime();
      if (post.statusCode() != 202) {
        failures.add("lead " + n + ": POST answered " + post.statusCode() + ": " + post.body());
        return;
      }
      accepted.add(acceptedAt - sent);
      UUID id = UUID.fromString(JSON.readTree(post.body()).get("id").asText());

      long deadline = acceptedAt + settings.routedWithin().toNanos();
      while (true) {
        HttpResponse<String> get = get(id);
        polls.incrementAndGet();
        long now = System.nanoTime();
        if (get.statusCode() == 200) {
          JsonNode receipt = JSON.readTree(get.body());
          String status = receipt.path("status").asText();
          if (!status.equals("ROUTED")) {
            failures.add("lead " + n + " (" + id + ") ended " + status);
          }
          routed.add(now - acceptedAt);
          serverNanos(receipt).ifPresent(decidedOnServer::add);
          return;
        }
        if (get.statusCode() != 404) {
          failures.add("lead " + n + ": GET answered " + get.statusCode() + ": " + get.body());
          return;
        }
        if (now > deadline) {
          failures.add("lead " + n + " (" + id + ") not routed within " + settings.routedWithin());
          return;
        }
        // A driver, not a test: a short pause keeps polling from taking the server's CPU.
        LockSupport.parkNanos(settings.pollPause().toNanos());
      }
    } catch (IOException e) {
      failures.add("lead " + n + ": " + e);
    }
  }

  private static OptionalLong serverNanos(JsonNode receipt) {
    try {
      Instant received = Instant.parse(receipt.path("intake").path("receivedAt").asText());
      Instant decided = Instant.parse(receipt.path("score").path("decidedAt").asText());
      return OptionalLong.of(Duration.between(received, decided).toNanos());
    } catch (DateTimeParseException notThere) {
      return OptionalLong.empty();
    }
  }

  private HttpResponse<String> get(UUID id) throws IOException, InterruptedException {
    return http.send(
        request("api/leads/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(settings.baseUrl().resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + settings.key())
        .header("Accept", "application/json");
  }

  /** A valid lead, unique in this run, from a rotating mix of countries, sizes and intents. */
  private Map<String, Object> lead(int n) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("externalId", "bench-" + runId + "-" + n);
    lead.put("email", "lead-" + runId + "-" + n + "@example.com");
    lead.put("firstName", "Lead");
    lead.put("lastName", "No. " + n);
    lead.put("company", "Bench Company " + (n % 97));
    lead.put("title", TITLES[n % TITLES.length]);
    lead.put("employees", EMPLOYEES[n % EMPLOYEES.length]);
    lead.put("country", COUNTRIES[n % COUNTRIES.length]);
    lead.put("source", SOURCES[n % SOURCES.length]);
    lead.put("action", ACTIONS[(n / COUNTRIES.length) % ACTIONS.length]);
    return lead;
  }

  private static void print(String label, Samples samples, double baseP50) {
    if (samples.size() == 0) {
      System.out.printf(Locale.ROOT, "%-44s %5d%n", label, 0);
      return;
    }
    double[] figures = {
      samples.percentile(0.50), samples.percentile(0.95), samples.percentile(0.99), samples.max()
    };
    System.out.printf(
        Locale.ROOT,
        "%-44s %5d %8.2f %8.2f %8.2f %8.2f   %.1fx / %.1fx / %.1fx / %.1fx%n",
        label,
        samples.size(),
        figures[0] / 1e6,
        figures[1] / 1e6,
        figures[2] / 1e6,
        figures[3] / 1e6,
        figures[0] / baseP50,
        figures[1] / baseP50,
        figures[2] / baseP50,
        figures[3] / baseP50);
  }

  private record Phase(
      String name,
      Samples accepted,
      Samples routed,
      Samples decidedOnServer,
      long polls,
      long wallNanos) {}

  private record Settings(
      URI baseUrl,
      String key,
      int leads,
      int clients,
      int baselineRequests,
      int warmupLeads,
      Duration routedWithin,
      Duration pollPause) {

    static Settings from(String[] args) {
      Arguments given = Arguments.parse(args, "accord.load.");
      String base = given.text("base-url", "http://localhost:8080");
      URI baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
      requireLoopback(baseUrl);
      Settings settings =
          new Settings(
              baseUrl,
              given.text("key", "demo-4f9c2a7e51b8d3606e1f"),
              given.positive("leads", 200),
              given.positive("clients", 4),
              given.positive("baseline-requests", 500),
              given.atLeast(0, "warmup-leads", 200),
              Duration.ofMillis(given.positive("routed-within-ms", 10_000)),
              Duration.ofNanos(1_000L * given.positive("poll-pause-us", 500)));
      given.requireAllRead();
      return settings;
    }

    // A load driver pointed at someone else's server is an attack; this one only loads our own.
    private static void requireLoopback(URI url) {
      try {
        for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
          if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(
                url + " is not on this machine; the driver only loads a local Accord");
          }
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unknown host in " + url, e);
      }
    }

    @Override
    public String toString() {
      return "%s, %d leads per phase, %d clients, %d baseline GETs, %d warm-up leads, routed within %s, poll pause %s"
          .formatted(
              baseUrl, leads, clients, baselineRequests, warmupLeads, routedWithin, pollPause);
    }
  }
}
