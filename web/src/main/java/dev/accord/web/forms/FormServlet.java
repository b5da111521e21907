package dev.accord.web.forms;

import dev.accord.intake.control.Arrival;
import dev.accord.intake.control.IntakeUnavailableException;
import dev.accord.intake.control.LeadIntake;
import dev.accord.intake.control.WebForm;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.routes.intake.FieldError;
import dev.accord.routes.intake.InvalidLeadException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /forms/{formId}}: an HTML form post, as a browser sends it, becomes a lead through
 * the same intake as the API. A public page cannot keep a secret, so instead of a key each form is
 * declared in the channels file with the origins allowed to post, a honeypot field and a per-client
 * rate limit.
 */
@WebServlet(urlPatterns = "/forms/*")
public class FormServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(FormServlet.class.getName());

  // A contact form is a few hundred bytes; a message field a few thousand.
  static final int MAX_FORM_BYTES = 64 * 1024;

  private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

  @Inject AccordSettings settings;

  @Inject LeadIntake intake;

  @Inject Clock clock;

  private transient ClientRateLimiter rateLimiter;

  @Override
  public void init() {
    rateLimiter = new ClientRateLimiter(clock);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Answer answer = new Answer(request, response);
    String formId = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    WebForm form = settings.channels().forms().get(formId);
    if (form == null) {
      answer.problem(404, "form-not-found", "There is no form '" + formId + "'.", List.of());
      return;
    }
    if (!form.allowsOrigin(request.getHeader("Origin"))) {
      answer.problem(
          403, "origin-not-allowed", "This form does not take posts from that page.", List.of());
      return;
    }
    Optional<Duration> wait =
        rateLimiter.tryPost(
            formId,
            request.getRemoteAddr(),
            form.rateLimit().requests(),
            Duration.ofSeconds(form.rateLimit().perSeconds()));
    if (wait.isPresent()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
      answer.problem(
          429, "too-many-posts", "Too many posts from your address; try again later.", List.of());
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE)
        || !utf8OrUnset(contentType)) {
      answer.problem(
          415,
          "unsupported-content-type",
          "Send the form as " + FORM_CONTENT_TYPE + " in UTF-8.",
          List.of(new FieldError("Content-Type", "must be " + FORM_CONTENT_TYPE)));
      return;
    }
    if (request.getContentLengthLong() > MAX_FORM_BYTES) {
      answer.tooLarge();
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      answer.tooLarge();
      return;
    }
    Map<String, String> fields;
    try {
      fields = fields(body);
    } catch (IllegalArgumentException unreadable) {
      answer.problem(
          400,
          "invalid-lead",
          "The form could not be read; nothing was stored.",
          List.of(new FieldError("body", unreadable.getMessage())));
      return;
    }
    if (form.honeypot() != null && !fields.getOrDefault(form.honeypot(), "").isBlank()) {
      // A bot filled the field people cannot see: it is told nothing, and nothing is stored.
      LOG.fine(() -> "Dropped a post to form " + formId + " that filled its honeypot");
      answer.thanks(form, null);
      return;
    }
    fields.remove(form.honeypot());
    try {
      UUID id =
          intake.submit(
              form.mapping().toLeadJson(fields), form.source(), new Arrival("form", formId, null));
      answer.thanks(form, id);
    } catch (InvalidLeadException invalid) {
      answer.problem(
          400,
          "invalid-lead",
          "Please correct the fields below; nothing was stored.",
          formNames(invalid.errors(), form));
    } catch (IntakeUnavailableException unavailable) {
      response.setHeader("Retry-After", "5");
      answer.problem(
          503,
          "intake-unavailable",
          "Your details could not be taken just now; please send them again.",
          List.of());
    } catch (RuntimeException failure) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Incident " + incident + " on form " + formId, failure);
      answer.problem(
          500,
          "unexpected-failure",
          "Your details could not be taken; quote incident " + incident + ".",
          List.of());
    }
  }

  private static boolean utf8OrUnset(String contentType) {
    int charset = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (charset < 0) {
      return true;
    }
    String name = contentType.substring(charset + 8).split(";")[0].strip().replace("\"", "");
    return name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8");
  }

  /**
   * Decodes an urlencoded body strictly as UTF-8: a browser told to send UTF-8 does, and anything
   * else is refused rather than guessed at. A name posted twice (a checkbox group) keeps every
   * value, comma-separated.
   */
  static Map<String, String> fields(byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    String text = strictUtf8(body);
    if (text.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.merge(name, value, (first, more) -> first + ", " + more);
    }
    return fields;
  }

  private static String decode(String component) {
    byte[] bytes = component.replace('+', ' ').getBytes(StandardCharsets.US_ASCII);
    ByteBuffer decoded = ByteBuffer.allocate(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%') {
        if (i + 2 >= bytes.length) {
          throw new IllegalArgumentException("has a broken %-escape");
        }
        int high = Character.digit(bytes[i + 1], 16);
        int low = Character.digit(bytes[i + 2], 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("has a broken %-escape");
        }
        decoded.put((byte) (high * 16 + low));
        i += 2;
      } else {
        decoded.put(bytes[i]);
      }
    }
    return strictUtf8(java.util.Arrays.copyOf(decoded.array(), decoded.position()));
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("is not valid UTF-8");
    }
  }

  /** The sender's own field names, so the page says "your-email", as the form calls it. */
  private static List<FieldError> formNames(List<FieldError> errors, WebForm form) {
    return errors.stream()
        .map(
            error ->
                form.mapping().fields().entrySet().stream()
                    .filter(mapped -> mapped.getValue().equals(error.field()))
                    .findFirst()
                    .map(mapped -> new FieldError(mapped.getKey(), error.reason()))
                    .orElse(error))
        .toList();
  }

  /** Answers a browser with pages and redirects, a script with JSON. */
  private static final class Answer {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Answer(HttpServletRequest request, HttpServletResponse response) {
      this.request = request;
      this.response = response;
    }

    private boolean wantsJson() {
      String accept = request.getHeader("Accept");
      return accept != null
          && (accept.contains("application/json") || accept.contains("application/problem+json"));
    }

    void thanks(WebForm form, UUID leadId) throws IOException {
      if (wantsJson()) {
        response.setStatus(202);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                Json.createObjectBuilder()
                    .add("status", "ACCEPTED")
                    .add("thankYou", form.thankYou().toString())
                    .build()
                    .toString());
        return;
      }
      response.setStatus(303);
      response.setHeader("Location", form.thankYou().toString());
    }

    void tooLarge() throws IOException {
      problem(
          413,
          "invalid-lead",
          "The form is too large; nothing was stored.",
          List.of(new FieldError("body", "is larger than " + MAX_FORM_BYTES / 1024 + " KiB")));
    }

    void problem(int status, String type, String detail, List<FieldError> errors)
        throws IOException {
      response.setStatus(status);
      response.setCharacterEncoding("UTF-8");
      if (wantsJson()) {
        response.setContentType("application/problem+json");
        JsonArrayBuilder fieldErrors = Json.createArrayBuilder();
        errors.forEach(
            e ->
                fieldErrors.add(
                    Json.createObjectBuilder().add("field", e.field()).add("reason", e.reason())));
        var problem =
            Json.createObjectBuilder()
                .add("type", "https://accord.dev/problems/" + type)
                .add("title", title(status))
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
          problem.add("errors", fieldErrors);
        }
        response.getWriter().write(problem.build().toString());
      } else {
        response.setContentType("text/html");
        response.getWriter().write(FormPages.problem(title(status), detail, errors));
      }
    }

    private static String title(int status) {
      return switch (status) {
        case 400 -> "Please check the form";
        case 403 -> "Not allowed";
        case 404 -> "No such form";
        case 413 -> "The form is too large";
        case 415 -> "Unsupported form encoding";
        case 429 -> "Too many posts";
        case 503 -> "Please try again";
        default -> "Something went wrong";
      };
    }
  }
}
