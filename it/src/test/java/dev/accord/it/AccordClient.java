package dev.accord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Talks to Accord's HTTP API the way an intake integration or an operator would. */
final class AccordClient {

  static final String DEMO_KEY = "demo-4f9c2a7e51b8d3606e1f";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  /** A client of the server Arquillian manages. */
  AccordClient() {
    this(Integer.getInteger("accord.it.http.port", 8180));
  }

  AccordClient(int httpPort) {
    this.base = URI.create("http://localhost:" + httpPort);
  }

  /** An answer from the API with its body read as JSON. */
  record Answer(int status, Optional<String> location, String contentType, JsonNode body) {}

  Answer postLead(String json) {
    return postLead(json, "Bearer " + DEMO_KEY);
  }

  Answer postLead(String json, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/leads"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  Answer getLead(String id) {
    return getLead(id, "Bearer " + DEMO_KEY);
  }

  Answer getLead(String id, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/leads/" + id)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /**
   * The lead as the API shows it once it is stored (GET answers 404 while it is still in flight),
   * waiting up to 30 seconds.
   */
  JsonNode awaitLead(String id) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> getLead(id), answer -> answer.status() == 200)
        .body();
  }

  /** Records a rep's activity on a lead. */
  Answer postActivity(String leadId, String json) {
    return post("/api/leads/" + leadId + "/activities", json);
  }

  /** POSTs JSON to any API path with the demo key. */
  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + DEMO_KEY)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** POSTs JSON to any API path with the given bearer key. */
  Answer post(String path, String json, String key) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** GETs any API path with the demo key. */
  Answer get(String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + DEMO_KEY)
            .GET()
            .build());
  }

  /** An answer as it came, for pages that are not JSON. */
  record Raw(int status, java.net.http.HttpHeaders headers, String body) {

    /** The body read as JSON; a JSON null if there is none. */
    JsonNode json() {
      return parse(body);
    }
  }

  /** Sends JSON (or no body, given null) to any API path with the operator key. */
  Raw operator(String method, String path, String json) {
    return operator(method, path, "application/json", json);
  }

  /** Sends a body of the given media type (or none, given null) to any API path as an operator. */
  Raw operator(String method, String path, String type, String body) {
    return exchange(
        request(path)
            .header("Authorization", "Bearer " + ChannelsIT.OPERATOR_KEY)
            .header("Content-Type", type)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** An operator's call that must answer 200: its answer as JSON. */
  JsonNode operatorOk(String method, String path, String json) {
    Raw raw = operator(method, path, json);
    assertThat(raw.status()).as(method + " " + path + ": " + raw.body()).isEqualTo(200);
    return raw.json();
  }

  /** A rep as the operators' list of reps shows them. */
  JsonNode rep(String id) {
    JsonNode all = operatorOk("GET", "/api/organisation/reps", null);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(rep -> rep.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Sends any request, with no key unless the caller set one. */
  Raw exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Raw(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request builder for a path of this server. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  /** GETs any API path with the given bearer key. */
  Answer get(String path, String key) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + key)
            .GET()
            .build());
  }

  /** POSTs a lead with the given key and extra headers (name, value, name, value...). */
  Answer postLead(String json, String key, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/leads"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Location"),
          response.headers().firstValue("Content-Type").orElse(""),
          parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
