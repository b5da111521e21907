package dev.accord.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Reads a lead's routing receipt (its assignment's candidates) the way the tests check it. */
final class Receipts {

  private Receipts() {}

  /** Why each candidate rep was chosen or passed, by rep id. */
  static Map<String, String> reasons(JsonNode lead) {
    Map<String, String> reasons = new HashMap<>();
    lead.at("/assignment/candidates")
        .forEach(c -> reasons.put(c.get("repId").asText(), c.get("reason").asText()));
    return reasons;
  }
}
