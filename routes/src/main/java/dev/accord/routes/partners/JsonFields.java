package dev.accord.routes.partners;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one JSON object a partner sent (a JSON-lines row or a JMS message) into the same field map
 * a CSV row gives, so that both go through the partner's one {@link
 * dev.accord.routes.intake.FieldMapping}.
 */
final class JsonFields {

  // A repeated name would silently overwrite the first value.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonFields() {}

  /**
   * Texts, numbers and booleans become fields; nulls are left out.
   *
   * @throws UnreadableInputException saying where the JSON broke, without quoting it
   */
  static Map<String, String> read(String json) {
    JsonNode object;
    try {
      object = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException("is not valid JSON" + at(e.getLocation()));
    }
    if (object == null || !object.isObject()) {
      throw new UnreadableInputException("is not a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      JsonNode value = field.getValue();
      if (value.isValueNode() && !value.isNull()) {
        fields.put(field.getKey(), value.asText());
      } else if (!value.isNull()) {
        throw new UnreadableInputException(
            "has field '" + field.getKey() + "' that is not a text or number");
      }
    }
    return fields;
  }

  /** A JSON line has one line; a JMS message may have several. */
  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return (location.getLineNr() == 1
            ? " at column "
            : " at line " + location.getLineNr() + ", column ")
        + location.getColumnNr();
  }
}
