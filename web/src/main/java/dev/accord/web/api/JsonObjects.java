package dev.accord.web.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/** Reads a small request body that must be one JSON object, as the operators' calls send. */
public final class JsonObjects {

  private JsonObjects() {}

  /** The body as a JSON object; empty if it is not JSON or not an object. */
  public static Optional<JsonObject> of(byte[] body) {
    try (JsonReader json = Json.createReader(new ByteArrayInputStream(body))) {
      return json.readValue() instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** A string field's value; null if it is missing or not a string. */
  public static String text(JsonObject object, String field) {
    return object.get(field) instanceof JsonString text ? text.getString() : null;
  }
}
