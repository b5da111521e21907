package dev.accord.intake.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.accord.routes.intake.FieldMapping;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A web form that posts to {@code /forms/{id}}, as declared in the channels file.
 *
 * @param source the intake source its leads carry
 * @param thankYou where a browser is sent after a good post (303)
 * @param origins the page origins allowed to post ({@code https://www.example.com}); a post from
 *     another origin is refused
 * @param honeypot a field hidden from people; a post that fills it is a bot's and is dropped
 * @param mapping how the form's field names map to a lead's
 * @param rateLimit posts one client may make in a window
 */
public record WebForm(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) URI thankYou,
    List<String> origins,
    String honeypot,
    FieldMapping mapping,
    RateLimit rateLimit) {

  /**
   * At most {@code requests} posts per client in {@code perSeconds} seconds.
   *
   * @param requests posts allowed in the window
   * @param perSeconds the window
   */
  public record RateLimit(int requests, int perSeconds) {
    public RateLimit {
      if (requests < 1 || perSeconds < 1) {
        throw new IllegalArgumentException("rateLimit: requests and perSeconds must be at least 1");
      }
    }
  }

  public WebForm {
    if (source == null || !source.matches("[a-z0-9][a-z0-9-]{0,49}")) {
      throw new IllegalArgumentException(
          "source must be 1 to 50 lower-case letters, digits or '-'");
    }
    if (thankYou == null || !thankYou.isAbsolute()) {
      throw new IllegalArgumentException("thankYou must be an absolute URL");
    }
    origins =
        origins == null
            ? List.of()
            : origins.stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
    mapping = mapping == null ? FieldMapping.identity() : mapping;
    rateLimit = rateLimit == null ? new RateLimit(10, 60) : rateLimit;
  }

  /**
   * Whether a browser on this origin may post. A client that sends no Origin is not a browser, and
   * a form that lists no origins takes posts from any page.
   */
  public boolean allowsOrigin(String origin) {
    return origin == null
        || origins.isEmpty()
        || origins.contains(origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""));
  }
}
