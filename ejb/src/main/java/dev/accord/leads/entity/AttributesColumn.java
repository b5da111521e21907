package dev.accord.leads.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores a lead's custom attributes as one JSON object: they are few (at most 20), read and written
 * with the lead, and never queried one by one.
 */
@Converter
public class AttributesColumn implements AttributeConverter<Map<String, String>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(new TreeMap<>(attributes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a lead's attributes", e);
    }
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return new TreeMap<>();
    }
    try {
      return JSON.readValue(column, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A lead's stored attributes are not a JSON object", e);
    }
  }
}
