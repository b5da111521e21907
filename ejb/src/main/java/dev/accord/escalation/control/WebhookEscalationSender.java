package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts escalations to a chat webhook as Slack-compatible JSON; the escalation id goes along as an
 * idempotency key for receivers that can use it.
 */
@ApplicationScoped
public class WebhookEscalationSender implements EscalationSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public Escalation.Channel channel() {
    return Escalation.Channel.WEBHOOK;
  }

  @Override
  public void send(Escalation escalation) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(escalation.getAddress()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", escalation.getId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(escalation.content().json()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "the webhook answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
