package dev.accord.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a lead shows, its routing receipt (its assignment's candidates) and its history, the
 * way the tests check it.
 */
final class Receipts {

  private Receipts() {}

  /** Why each candidate rep was chosen or passed, by rep id. */
  static Map<String, String> reasons(JsonNode lead) {
    Map<String, String> reasons = new HashMap<>();
    lead.at("/assignment/candidates")
        .forEach(c -> reasons.put(c.get("repId").asText(), c.get("reason").asText()));
    return reasons;
  }

  /** The types of the lead's history events, oldest first. */
  static List<String> historyTypes(JsonNode lead) {
    List<String> types = new ArrayList<>();
    lead.get("history").forEach(event -> types.add(event.get("type").asText()));
    return types;
  }
}
