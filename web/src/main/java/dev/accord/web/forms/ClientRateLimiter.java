package dev.accord.web.forms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts posts per form and client in a sliding window, so one client cannot flood a public form.
 * Kept in memory: a restart forgets the counts, which costs a flooder at most one more window.
 */
final class ClientRateLimiter {

  // Bounds the memory a crowd of clients can take; the oldest windows are dropped first.
  private static final int MAX_CLIENTS = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> postsByClient = new ConcurrentHashMap<>();

  ClientRateLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts a post and answers how long the client must wait if it is over the limit.
   *
   * @return empty if the post may go on, else the time until the client may post again
   */
  Optional<Duration> tryPost(String formId, String client, int requests, Duration window) {
    Instant now = clock.instant();
    if (postsByClient.size() > MAX_CLIENTS) {
      postsByClient.clear();
    }
    Deque<Instant> posts =
        postsByClient.computeIfAbsent(formId + '\u0000' + client, k -> new ArrayDeque<>());
    synchronized (posts) {
      while (!posts.isEmpty() && !posts.peekFirst().isAfter(now.minus(window))) {
        posts.pollFirst();
      }
      if (posts.size() >= requests) {
        Duration wait = Duration.between(now, posts.peekFirst().plus(window));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      }
      posts.addLast(now);
      return Optional.empty();
    }
  }
}
