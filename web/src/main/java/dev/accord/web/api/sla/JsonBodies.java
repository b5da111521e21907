package dev.accord.web.api.sla;

import dev.accord.routes.intake.FieldError;
import dev.accord.sla.control.ActivityRequest;
import dev.accord.sla.control.InvalidActivityException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the small JSON requests of the SLA API into their request records, naming every field that
 * is not a string, unknown, or a body that is not a JSON object.
 */
public final class JsonBodies {

  private static final int MAX_BYTES = 16 * 1024;

  private JsonBodies() {}

  public static ActivityRequest activity(byte[] body) {
    JsonObject json = object(body, Set.of("type", "by", "at", "reasonCode", "note"));
    return new ActivityRequest(
        text(json, "type"),
        text(json, "by"),
        text(json, "at"),
        text(json, "reasonCode"),
        text(json, "note"));
  }

  /** A dispute: which head disputes ({@code side}) and why ({@code note}). */
  public record DisputeRequest(String side, String note) {}

  public static DisputeRequest dispute(byte[] body) {
    JsonObject json = object(body, Set.of("side", "note"));
    return new DisputeRequest(text(json, "side"), text(json, "note"));
  }

  private static JsonObject object(byte[] body, Set<String> fields) {
    if (body.length > MAX_BYTES) {
      throw invalid("body", "is larger than " + MAX_BYTES / 1024 + " KiB");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (JsonParsingException malformed) {
      throw invalid(
          "body",
          "is not valid JSON at line "
              + malformed.getLocation().getLineNumber()
              + ", column "
              + malformed.getLocation().getColumnNumber());
    } catch (JsonException malformed) {
      throw invalid("body", "is not valid JSON");
    }
    if (!(value instanceof JsonObject json)) {
      throw invalid("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    for (var entry : json.entrySet()) {
      if (!fields.contains(entry.getKey())) {
        errors.add(
            new FieldError(
                entry.getKey(),
                "is not a known field; known: "
                    + String.join(", ", fields.stream().sorted().toList())));
      } else if (entry.getValue().getValueType() != JsonValue.ValueType.STRING
          && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
        errors.add(new FieldError(entry.getKey(), "must be a string"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidActivityException(errors);
    }
    return json;
  }

  private static String text(JsonObject json, String field) {
    JsonValue value = json.get(field);
    return value instanceof JsonString string ? string.getString() : null;
  }

  private static InvalidActivityException invalid(String field, String reason) {
    return new InvalidActivityException(List.of(new FieldError(field, reason)));
  }
}
