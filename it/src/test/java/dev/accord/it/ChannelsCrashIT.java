package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leads flowing in from web forms, a mailbox and a partner file at once; the server is killed with
 * SIGKILL while some are provably still in flight and started again: every lead accepted by any
 * channel is routed exactly once.
 */
class ChannelsCrashIT {

  @RegisterExtension
  static final GreenMailExtension MAILBOX =
      new GreenMailExtension(
              new ServerSetup[] {
                new ServerSetup(3343, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(3325, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
              })
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("leads@accord.test", "leads", "leads-mailbox-password"));

  private static final int FORMS = 120;
  private static final int MAILS = 60;
  private static final int ROWS = 100;

  private final SeparateServer server = new SeparateServer().fresh();
  private final AccordClient accord = new AccordClient(8080 + SeparateServer.PORT_OFFSET);

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void leadsFromFormsMailAndAPartnerFileAreEachRoutedOnceAfterAKillMidStream() throws IOException {
    server.start();
    server.awaitDeployed();
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> sent = new ArrayList<>();

    // The file and the mails are durable at their senders: all of them count as accepted.
    StringBuilder csv = new StringBuilder("email,country,company\n");
    for (int i = 0; i < ROWS; i++) {
      String email = "row" + i + "." + run + "@example.com";
      csv.append(email).append(",DE,Row Company ").append(i).append('\n');
      sent.add(email);
    }
    Path drop = Files.createDirectories(Path.of("target", "crash-drop", "acme"));
    Files.writeString(drop.resolve(".feed-" + run + ".csv"), csv, StandardCharsets.UTF_8);
    Files.move(drop.resolve(".feed-" + run + ".csv"), drop.resolve("feed-" + run + ".csv"));
    for (int i = 0; i < MAILS; i++) {
      String email = "mail" + i + "." + run + "@example.com";
      GreenMailUtil.sendTextEmail(
          "leads@accord.test",
          "forms@typeform-mailer.com",
          "New submission " + i,
          "Email: " + email + "\nCompany: Mail Company " + i + "\nCountry: France\n",
          MAILBOX.getSmtp().getServerSetup());
      sent.add(email);
    }
    // Forms last and six at a time, faster than routing drains the queue, so that leads already
    // answered 303 (on the durable queue) wait to be routed when the server dies.
    List<String> formsAccepted = new ArrayList<>();
    ExecutorService browsers = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> posts = new ArrayList<>();
      for (int i = 0; i < FORMS; i++) {
        String email = "form" + i + "." + run + "@example.com";
        posts.add(browsers.submit(() -> postForm(email)));
      }
      for (Future<String> post : posts) {
        formsAccepted.add(post.get());
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      browsers.shutdownNow();
    }
    sent.addAll(formsAccepted);
    Map<String, List<JsonNode>> routedAtKill = routedLeadsByEmail(run);
    long formsInFlight = formsAccepted.stream().filter(e -> !routedAtKill.containsKey(e)).count();

    server.crash();
    server.start();
    server.awaitDeployed();

    Map<String, List<JsonNode>> routed =
        await()
            .atMost(Duration.ofSeconds(240))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> routedLeadsByEmail(run), leads -> leads.keySet().containsAll(sent));
    int duplicates = 0;
    for (String email : sent) {
      duplicates += routed.get(email).size() - 1;
    }
    System.out.printf(
        "ChannelsCrashIT: sent %d (forms %d, mails %d, rows %d), accepted %d, routed before kill"
            + " %d (form leads answered 303 but not yet routed: %d), routed %d, duplicates %d,"
            + " lost %d%n",
        sent.size(),
        FORMS,
        MAILS,
        ROWS,
        formsAccepted.size() + MAILS + ROWS,
        routedAtKill.size(),
        formsInFlight,
        routed.size(),
        duplicates,
        sent.size() - routed.size());
    // Work was in flight when the server died: leads already answered 303 (on the durable queue)
    // had not been routed yet.
    assertThat(formsInFlight).isPositive();
    assertThat(routed.keySet()).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(duplicates).isZero();
    for (String email : sent) {
      JsonNode lead = routed.get(email).get(0);
      assertThat(lead.get("status").asText()).as(email).isEqualTo("ROUTED");
      assertThat(lead.get("engagements").asInt()).as(email).isEqualTo(1);
    }
  }

  private String postForm(String email) {
    AccordClient.Raw answer =
        accord.exchange(
            accord
                .request("/forms/contact-us")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&country=US")));
    assertThat(answer.status()).as(email).isEqualTo(303);
    return email;
  }

  /** Every lead of this run, by e-mail, as the operator's search lists them. */
  private Map<String, List<JsonNode>> routedLeadsByEmail(String run) {
    Map<String, List<JsonNode>> byEmail = new HashMap<>();
    for (String source : List.of("website", "inbox", "partner-acme")) {
      for (int page = 0; ; page++) {
        JsonNode leads =
            accord
                .get(
                    "/api/leads?source=" + source + "&size=200&page=" + page,
                    ChannelsIT.OPERATOR_KEY)
                .body()
                .get("leads");
        if (leads == null || leads.isEmpty()) {
          break;
        }
        leads.forEach(
            lead -> {
              String email = lead.get("email").asText();
              if (email.contains("." + run + "@")) {
                byEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(lead);
              }
            });
      }
    }
    return byEmail;
  }
}
