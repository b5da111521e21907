package dev.accord.routes.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON lead submission into a {@link LeadSubmission}, turning every way the JSON itself can
 * be wrong into field errors the sender can act on.
 *
 * <p>It walks the JSON tree instead of binding it to a class, because binding stops at the first
 * wrongly typed or unknown field, while the sender deserves to hear about all of them at once.
 */
final class LeadSubmissionParser {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
  private static final Pattern CONTROL_BUT_LINE_BREAKS =
      Pattern.compile("[\\p{Cc}&&[^\\n\\t]]+|\\u2028|\\u2029");

  // Bounded so that a megabyte of digits cannot make BigInteger parsing the expensive part of a
  // request; anything this long is out of range anyway.
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,30}");

  // A repeated field would silently overwrite the first value; the sender should know.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  LeadSubmission parse(String body) {
    if (body == null) {
      throw empty();
    }
    try (JsonParser parser = JSON.createParser(body)) {
      return parse(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads bytes as RFC 8259 JSON, which lets Jackson detect UTF-8, UTF-16 or UTF-32. */
  LeadSubmission parse(byte[] body) {
    if (body == null) {
      throw empty();
    }
    try (JsonParser parser = JSON.createParser(body)) {
      return parse(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LeadSubmission parse(JsonParser parser) throws IOException {
    JsonNode lead;
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw empty();
      }
      if (first != JsonToken.START_OBJECT) {
        throw rejected("body", "must be a JSON object with the lead's fields");
      }
      lead = JSON.readTree(parser);
      if (parser.nextToken() != null) {
        throw rejected(
            "body", "has more content after the lead object" + at(parser.currentLocation()));
      }
    } catch (JsonProcessingException e) {
      throw rejected(
          "body", "is not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
    }
    return submission(lead);
  }

  private static LeadSubmission submission(JsonNode lead) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : lead.properties()) {
      if (!LeadSubmission.FIELDS.contains(property.getKey())) {
        errors.add(new FieldError(property.getKey(), "is not a lead field"));
      }
    }
    return new LeadSubmission(
        text(lead, "externalId", errors),
        text(lead, "email", errors),
        text(lead, "firstName", errors),
        text(lead, "lastName", errors),
        text(lead, "company", errors),
        text(lead, "title", errors),
        wholeNumber(lead, "employees", errors),
        text(lead, "country", errors),
        text(lead, "phone", errors),
        text(lead, "source", errors),
        text(lead, "action", errors),
        text(lead, "industry", errors),
        multiline(text(lead, "message", errors)),
        attributes(lead, errors),
        errors);
  }

  /** Accepts whole numbers too, because CRMs commonly send numeric ids as JSON numbers. */
  private static String text(JsonNode lead, String field, List<FieldError> errors) {
    JsonNode value = lead.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return field.equals("message") ? value.textValue() : oneLine(value.textValue());
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    errors.add(new FieldError(field, "must be a string"));
    return null;
  }

  /**
   * Surrounding blanks go, blank is absent, and control characters (CR and LF among them) become
   * spaces: they could forge headers in the mails that quote a lead, and nothing a person types
   * into a one-line field needs them.
   */
  static String oneLine(String raw) {
    if (raw == null) {
      return null;
    }
    String value = CONTROL.matcher(raw).replaceAll(" ").strip();
    return value.isEmpty() ? null : value;
  }

  /** A message keeps its line breaks (as LF) and loses every other control character. */
  private static String multiline(String raw) {
    if (raw == null) {
      return null;
    }
    String value =
        CONTROL_BUT_LINE_BREAKS
            .matcher(raw.replace("\r\n", "\n").replace('\r', '\n'))
            .replaceAll("")
            .strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * Custom attributes are a flat JSON object of short values; numbers and booleans are read as
   * their text, because form tools and spreadsheets rarely agree on types. Order is kept as sent.
   */
  private static Map<String, String> attributes(JsonNode lead, List<FieldError> errors) {
    JsonNode value = lead.get("attributes");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      errors.add(new FieldError("attributes", "must be an object of names and text values"));
      return null;
    }
    // Names are lower-cased so that rules match "Plan" and "plan" alike.
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> attribute : value.properties()) {
      JsonNode text = attribute.getValue();
      String name = attribute.getKey().strip().toLowerCase(Locale.ROOT);
      if (text.isTextual() || text.isNumber() || text.isBoolean()) {
        String cleaned = oneLine(text.asText());
        if (cleaned != null && attributes.put(name, cleaned) != null) {
          errors.add(
              new FieldError(
                  "attributes." + attribute.getKey(), "is given twice, in different case"));
        }
      } else if (!text.isNull()) {
        errors.add(
            new FieldError(
                "attributes." + attribute.getKey(), "must be a text, number or boolean"));
      }
    }
    return attributes;
  }

  /** Accepts a number written as a string too, because HTML-form-backed webhooks send them so. */
  private static BigInteger wholeNumber(JsonNode lead, String field, List<FieldError> errors) {
    JsonNode value = lead.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue();
    }
    if (value.isTextual()) {
      String number = value.textValue().strip();
      if (number.isEmpty()) {
        return null;
      }
      if (WHOLE_NUMBER.matcher(number).matches()) {
        return new BigInteger(number);
      }
    }
    errors.add(new FieldError(field, "must be a whole number"));
    return null;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static InvalidLeadException empty() {
    return rejected("body", "is empty");
  }

  private static InvalidLeadException rejected(String field, String reason) {
    return new InvalidLeadException(List.of(new FieldError(field, reason)));
  }
}
