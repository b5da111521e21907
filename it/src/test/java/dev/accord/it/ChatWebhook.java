package dev.accord.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat channel's incoming webhook on loopback that keeps every message posted to it. */
final class ChatWebhook implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One post: the idempotency key Accord sent and the Slack-compatible body. */
  record Post(String idempotencyKey, JsonNode body) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();

  ChatWebhook(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks/escalations",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            posts.add(
                new Post(
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    JSON.readTree(body.readAllBytes())));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
