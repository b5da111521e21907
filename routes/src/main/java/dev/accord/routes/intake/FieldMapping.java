package dev.accord.routes.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one sender names a lead's fields, so that a form, a partner's CSV columns or a mail's {@code
 * Field: value} lines become the same JSON lead the API takes, and then go through the one
 * validation every channel shares. Declared in configuration: adding a sender needs no Java.
 *
 * <p>A sender's name that equals a lead field (ignoring case) maps to it without being listed. A
 * target is a lead field ({@code email}, {@code company}, ...) or {@code attributes.<name>} for a
 * custom attribute. Names the mapping does not know are dropped, or kept as attributes when {@code
 * unmappedToAttributes} is set (a form's submit button and the like can be listed in {@code
 * ignored}).
 *
 * @param fields sender's name to target, matched ignoring case and surrounding blanks
 */
public record FieldMapping(
    Map<String, String> fields, boolean unmappedToAttributes, Set<String> ignored) {

  /** The lead fields a sender may fill, as the JSON API names them. */
  public static final Set<String> LEAD_FIELDS =
      LeadSubmission.FIELDS.stream()
          .filter(field -> !field.equals("attributes"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final String ATTRIBUTE = "attributes.";

  /**
   * @throws IllegalArgumentException naming a target that is neither a lead field nor an attribute
   */
  public FieldMapping {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, String> field :
        (fields == null ? Map.<String, String>of() : fields).entrySet()) {
      String target = field.getValue() == null ? "" : field.getValue().strip();
      if (!LEAD_FIELDS.contains(target)
          && !(target.startsWith(ATTRIBUTE) && target.length() > ATTRIBUTE.length())) {
        throw new IllegalArgumentException(
            "'"
                + field.getKey()
                + "' maps to '"
                + target
                + "', which is neither a lead field "
                + LEAD_FIELDS.stream().sorted().toList()
                + " nor attributes.<name>");
      }
      byKey.put(key(field.getKey()), target);
    }
    fields = Map.copyOf(byKey);
    ignored =
        ignored == null
            ? Set.of()
            : ignored.stream().map(FieldMapping::key).collect(java.util.stream.Collectors.toSet());
  }

  /** Every name that is a lead field maps to it; nothing else is kept. */
  public static FieldMapping identity() {
    return new FieldMapping(Map.of(), false, Set.of());
  }

  /** The lead as the JSON API would take it; blank values are left out. */
  public ObjectNode toLead(Map<String, String> values) {
    ObjectNode lead = JsonNodeFactory.instance.objectNode();
    ObjectNode attributes = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> value : values.entrySet()) {
      String name = key(value.getKey());
      if (value.getValue() == null || value.getValue().isBlank() || ignored.contains(name)) {
        continue;
      }
      String target = target(name);
      if (target == null && unmappedToAttributes) {
        target = ATTRIBUTE + name.replaceAll("[^a-z0-9_-]+", "_");
      }
      if (target == null) {
        continue;
      }
      if (target.startsWith(ATTRIBUTE)) {
        attributes.put(target.substring(ATTRIBUTE.length()), value.getValue());
      } else {
        lead.put(target, value.getValue());
      }
    }
    if (!attributes.isEmpty()) {
      lead.set("attributes", attributes);
    }
    return lead;
  }

  public byte[] toLeadJson(Map<String, String> values) {
    return toLead(values).toString().getBytes(StandardCharsets.UTF_8);
  }

  private String target(String name) {
    String mapped = fields.get(name);
    if (mapped != null) {
      return mapped;
    }
    return LEAD_FIELDS.stream().filter(field -> key(field).equals(name)).findFirst().orElse(null);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
