package dev.accord.rules.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.accord.rules.RulebookProblem;
import dev.accord.rules.lead.Grade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of the agreement that are lists and numbers rather than rules, kept in the rulebook's
 * {@code agreement.yaml}: the reasons sales may give for rejecting a lead, and what marketing
 * promises per period.
 *
 * @param rejectReasons reason code to what it means, e.g. {@code no-budget}
 * @param mqlGrades the grades that make a lead marketing-qualified
 * @param mqlsPerMonth per team, the MQLs marketing promises each month
 * @param acceptanceTargetPercent the share of MQLs sales is expected to accept
 */
public record Agreement(
    Map<String, String> rejectReasons,
    Set<Grade> mqlGrades,
    Map<String, Integer> mqlsPerMonth,
    int acceptanceTargetPercent) {

  public static final String FILE = "agreement.yaml";

  /** The agreement of a rulebook without an {@code agreement.yaml}: nothing listed or promised. */
  public static final Agreement NONE =
      new Agreement(Map.of(), EnumSet.of(Grade.A, Grade.B), Map.of(), 0);

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public Agreement {
    rejectReasons = Map.copyOf(rejectReasons);
    mqlGrades = Set.copyOf(mqlGrades);
    mqlsPerMonth = Map.copyOf(mqlsPerMonth);
  }

  /**
   * Reads the agreement file.
   *
   * @return the agreement, or the problems that keep it from being read, each with its line
   */
  public static Parsed parse(byte[] yaml) {
    File file;
    try {
      file = YAML.readValue(yaml, File.class);
    } catch (UnrecognizedPropertyException unknown) {
      return Parsed.problem(
          unknown,
          lineOfKey(yaml, unknown.getPropertyName()),
          "'"
              + unknown.getPropertyName()
              + "' is not a setting of the agreement; known: "
              + unknown.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (JsonMappingException invalid) {
      return Parsed.problem(invalid, 0, pathOf(invalid) + ": " + invalid.getOriginalMessage());
    } catch (JsonProcessingException malformed) {
      return Parsed.problem(malformed, 0, "not valid YAML: " + malformed.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
    if (file == null) {
      return new Parsed(NONE, List.of());
    }
    List<RulebookProblem> problems = new ArrayList<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    if (file.rejectReasons != null) {
      file.rejectReasons.forEach(
          (code, meaning) -> {
            if (!code.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
              problems.add(
                  new RulebookProblem(
                      FILE,
                      0,
                      "rejectReasons: '"
                          + code
                          + "' is not a reason code; use lower-case words joined by '-', such as"
                          + " no-budget"));
            }
            reasons.put(code, meaning == null ? code : meaning);
          });
    }
    Marketing marketing = file.marketing == null ? new Marketing(null, null, null) : file.marketing;
    Set<Grade> grades =
        marketing.mqlGrades == null || marketing.mqlGrades.isEmpty()
            ? EnumSet.of(Grade.A, Grade.B)
            : EnumSet.copyOf(marketing.mqlGrades);
    Map<String, Integer> promised =
        marketing.mqlsPerMonth == null ? Map.of() : Map.copyOf(marketing.mqlsPerMonth);
    promised.forEach(
        (team, count) -> {
          if (count == null || count < 0) {
            problems.add(
                new RulebookProblem(
                    FILE, 0, "marketing.mqlsPerMonth." + team + ": must be 0 or more"));
          }
        });
    int acceptance = marketing.acceptanceTarget == null ? 0 : marketing.acceptanceTarget;
    if (acceptance < 0 || acceptance > 100) {
      problems.add(
          new RulebookProblem(
              FILE, 0, "marketing.acceptanceTarget: " + acceptance + " is not a percentage"));
    }
    return problems.isEmpty()
        ? new Parsed(new Agreement(reasons, grades, promised, acceptance), List.of())
        : new Parsed(null, problems);
  }

  /** The 1-based line on which a key is first written, or 0. */
  private static int lineOfKey(byte[] yaml, String key) {
    String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** The agreement, or why it could not be read. */
  public record Parsed(Agreement agreement, List<RulebookProblem> problems) {

    /**
     * @param line where the problem is, if known better than the parser's position (which is
     *     already past the offending token); 0 to take the parser's
     */
    static Parsed problem(JsonProcessingException e, int line, String reason) {
      JsonLocation at = e.getLocation();
      if (line > 0) {
        return new Parsed(null, List.of(new RulebookProblem(FILE, line, reason)));
      }
      return new Parsed(
          null,
          List.of(new RulebookProblem(FILE, at == null ? 0 : Math.max(at.getLineNr(), 0), reason)));
    }
  }

  private record File(
      @JsonProperty("rejectReasons") Map<String, String> rejectReasons,
      @JsonProperty("marketing") Marketing marketing) {
    @JsonCreator
    File {}
  }

  private record Marketing(
      @JsonProperty("mqlGrades") List<Grade> mqlGrades,
      @JsonProperty("mqlsPerMonth") Map<String, Integer> mqlsPerMonth,
      @JsonProperty("acceptanceTarget") Integer acceptanceTarget) {
    @JsonCreator
    Marketing {}
  }
}
