package dev.accord.web.api.organisation;

import dev.accord.organisation.control.InvalidOrganisationException;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the organisation API's requests for the controls, the one same way for accounts,
 * teams, reps and heads: JSON fields become the text values an import row gives (the controls check
 * both alike), CSV bodies are read within a size limit, and a refused change becomes a problem
 * document naming every field.
 */
final class OrganisationRequests {

  /** No import is larger than this. */
  static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

  private OrganisationRequests() {}

  /** An import's CSV text, or the answer refusing it (too large, not UTF-8). */
  record CsvBody(String csv, Response refusal) {}

  static CsvBody csv(InputStream body) {
    Optional<byte[]> read = BoundedBodies.read(body, MAX_IMPORT_BYTES);
    if (read.isEmpty()) {
      return new CsvBody(
          null,
          Problem.of(
                  Response.Status.REQUEST_ENTITY_TOO_LARGE,
                  "import-too-large",
                  "An import is at most 8 MiB; split the file.")
              .toResponse());
    }
    try {
      return new CsvBody(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read.get())).toString(), null);
    } catch (CharacterCodingException notUtf8) {
      return new CsvBody(
          null,
          invalid(
              "invalid-import",
              "The import is not valid",
              List.of(new FieldProblem("csv", "is not UTF-8 text; save it as CSV UTF-8"))));
    }
  }

  /**
   * The fields of a JSON object as text values by column, the way a CSV row gives them: a string as
   * it is, a number or true/false written out, null as null (given empty). A field that is an
   * object or an array is a problem.
   *
   * @param columns the column of each JSON field read; others are left to the caller
   */
  static Map<String, String> texts(
      JsonObject json, Map<String, String> columns, String prefix, List<FieldProblem> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    columns.forEach(
        (field, column) -> {
          if (json.containsKey(field)) {
            JsonValue value = json.get(field);
            if (value instanceof JsonString text) {
              values.put(column, text.getString());
            } else if (value instanceof JsonNumber number) {
              values.put(column, number.toString());
            } else if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
              values.put(column, value.toString());
            } else if (value == JsonValue.NULL) {
              values.put(column, null);
            } else {
              errors.add(new FieldProblem(prefix + field, "must be text, a number, true or false"));
            }
          }
        });
    return values;
  }

  static List<FieldProblem> fieldsOf(InvalidOrganisationException invalid) {
    return invalid.problems().stream().map(p -> new FieldProblem(p.field(), p.reason())).toList();
  }

  /** A 400 naming each field at fault; nothing of the request was kept. */
  static Response invalid(String type, String title, List<FieldProblem> errors) {
    return new Problem(
            "https://accord.dev/problems/" + type,
            title,
            400,
            "Fix the fields named below; nothing was kept.",
            errors)
        .toResponse();
  }
}
