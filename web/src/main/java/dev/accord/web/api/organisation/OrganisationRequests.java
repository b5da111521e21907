package dev.accord.web.api.organisation;

import dev.accord.organisation.control.InvalidOrganisationException;
import dev.accord.web.api.BoundedBodies;
import dev.accord.web.api.JsonObjects;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Translates the organisation API's requests for the controls, the one same way for accounts,
 * teams, reps and heads (only an operator may call them, as each resource declares): JSON fields
 * become the text values an import row gives (the controls check both alike), bodies are read
 * within a size limit, and a refused change becomes a problem document naming every field. An
 * instance answers for one kind of thing and names its refusals.
 */
final class OrganisationRequests {

  /** No import is larger than this. */
  static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

  /** No change sent as JSON is larger than this. */
  static final int MAX_CHANGE_BYTES = 4 * 1024;

  private final String type;
  private final String title;

  /**
   * @param type the last part of the problem type of a refused change, such as {@code invalid-team}
   * @param title the problem's title, such as {@code The team is not valid}
   */
  OrganisationRequests(String type, String title) {
    this.type = type;
    this.title = title;
  }

  /**
   * A change sent as one JSON object: its answer, a 400 naming {@code body} with the {@code shape}
   * to send if the body is not a JSON object (or too large), or a 400 naming each field the control
   * refused.
   */
  Response changeByJson(InputStream body, String shape, Function<JsonObject, Response> change) {
    Optional<JsonObject> json = BoundedBodies.read(body, MAX_CHANGE_BYTES).flatMap(JsonObjects::of);
    if (json.isEmpty()) {
      return invalid(List.of(new FieldProblem("body", shape)));
    }
    try {
      return change.apply(json.get());
    } catch (InvalidOrganisationException refused) {
      return invalid(fieldsOf(refused));
    }
  }

  /**
   * A CSV import, all rows or none: 200 with {@code {"<counted>": n}}, or the refusal of the body
   * (too large, not UTF-8) or of its rows, naming each row and column at fault.
   */
  Response importCsv(InputStream body, String counted, ToIntFunction<String> importer) {
    CsvBody csv = csv(body);
    if (csv.refusal() != null) {
      return csv.refusal();
    }
    try {
      return Response.ok(Map.of(counted, importer.applyAsInt(csv.csv()))).build();
    } catch (InvalidOrganisationException refused) {
      return invalid(fieldsOf(refused));
    }
  }

  /** A 400 naming each field at fault; nothing of the request was kept. */
  Response invalid(List<FieldProblem> errors) {
    return refusal(type, title, errors);
  }

  /** 201 with the address of what the change created, or 200 with what it changed. */
  static Response kept(boolean created, Object view, UriInfo uri) {
    return created
        ? Response.created(uri.getAbsolutePath()).entity(view).build()
        : Response.ok(view).build();
  }

  /**
   * Adds a problem for each field of {@code json} that is not one of {@code known}: named with
   * {@code prefix}, saying {@code why} and which fields there are.
   */
  static void refuseUnknownFields(
      JsonObject json,
      Collection<String> known,
      String prefix,
      String why,
      List<FieldProblem> errors) {
    json.keySet().stream()
        .filter(name -> !known.contains(name))
        .forEach(
            name ->
                errors.add(
                    new FieldProblem(prefix + name, why + "; use " + String.join(", ", known))));
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

  /** An import's CSV text, or the answer refusing it (too large, not UTF-8). */
  private record CsvBody(String csv, Response refusal) {}

  private static CsvBody csv(InputStream body) {
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
          refusal(
              "invalid-import",
              "The import is not valid",
              List.of(new FieldProblem("csv", "is not UTF-8 text; save it as CSV UTF-8"))));
    }
  }

  private static List<FieldProblem> fieldsOf(InvalidOrganisationException refused) {
    return refused.problems().stream().map(p -> new FieldProblem(p.field(), p.reason())).toList();
  }

  private static Response refusal(String type, String title, List<FieldProblem> errors) {
    return new Problem(
            "https://accord.dev/problems/" + type,
            title,
            400,
            "Fix the fields named below; nothing was kept.",
            errors)
        .toResponse();
  }
}
