package dev.accord.web.api.rules;

import dev.accord.rulebook.control.CandidateRulebooks;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.web.api.problems.Problem;
import dev.accord.web.api.problems.Problem.FieldProblem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A candidate rulebook as a request sends it: {@code "candidate": {"files": {"<path>": "<content>",
 * "<path to remove>": null}}}, changes to the live version's files. Spreadsheets (.xlsx, .xls) are
 * sent as base64; every other file as text.
 */
final class CandidateRequest {

  /** A request's body with a candidate may hold this much. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private CandidateRequest() {}

  /** The compiled candidate, or the problem to answer with. */
  sealed interface Outcome permits Compiled, Refused {}

  record Compiled(Rulebook rulebook) implements Outcome {}

  record Refused(Response response) implements Outcome {}

  static Outcome compile(JsonValue candidate, CandidateRulebooks candidates) {
    List<FieldProblem> errors = new ArrayList<>();
    Map<String, byte[]> changes = new LinkedHashMap<>();
    JsonValue files = candidate instanceof JsonObject object ? object.get("files") : JsonValue.NULL;
    if (!(files instanceof JsonObject byPath) || byPath.isEmpty()) {
      errors.add(
          new FieldProblem(
              "candidate.files",
              "is required: an object of changed files by path, e.g. {\"routing/territories.csv\":"
                  + " \"...\"}; null removes a file"));
    } else {
      byPath.forEach(
          (path, content) -> {
            String field = "candidate.files." + path;
            if (content.getValueType() == JsonValue.ValueType.NULL) {
              changes.put(path, null);
            } else if (!(content instanceof JsonString text)) {
              errors.add(
                  new FieldProblem(field, "must be the file's content as a string, or null"));
            } else if (isSpreadsheet(path)) {
              try {
                changes.put(path, Base64.getMimeDecoder().decode(text.getString()));
              } catch (IllegalArgumentException notBase64) {
                errors.add(new FieldProblem(field, "a spreadsheet is sent as base64"));
              }
            } else {
              changes.put(path, text.getString().getBytes(StandardCharsets.UTF_8));
            }
          });
    }
    if (errors.isEmpty()) {
      try {
        return new Compiled(candidates.compile(changes));
      } catch (CandidateRulebooks.InvalidCandidateException invalid) {
        errors.add(
            new FieldProblem(
                invalid.file().isEmpty() ? "candidate.files" : "candidate.files." + invalid.file(),
                invalid.getMessage()));
      } catch (RulebookRejectedException rejected) {
        return new Refused(
            new Problem(
                    "https://accord.dev/problems/candidate-rejected",
                    "The candidate rulebook does not compile",
                    422,
                    "Fix the files named below; nothing was decided.",
                    rejected.problems().stream()
                        .map(
                            p ->
                                new FieldProblem(
                                    p.line() > 0 ? p.file() + ":" + p.line() : p.file(),
                                    p.reason()))
                        .toList())
                .toResponse());
      }
    }
    return new Refused(
        new Problem(
                "https://accord.dev/problems/invalid-candidate",
                "The candidate is not valid",
                400,
                "Fix the fields named below.",
                errors)
            .toResponse());
  }

  private static boolean isSpreadsheet(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xls");
  }
}
