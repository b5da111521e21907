package dev.accord.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Team descriptions as tests send them back through {@code PUT /api/organisation/teams/{id}}. */
final class Teams {

  private Teams() {}

  /** The team as {@code GET} showed it, with another catch-up policy. */
  static String withCatchUp(JsonNode team, String policy) {
    ObjectNode changed = team.deepCopy();
    changed.remove(List.of("id", "reps"));
    changed.putObject("catchUp").put("policy", policy);
    return changed.toString();
  }
}
