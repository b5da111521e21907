package dev.accord.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns a rulebook's decision tables may use, declared in its {@code columns.yaml}: a column
 * is known by its fact and the code in the table's code row, and says what type of value its cells
 * hold, so a cell is checked as a value before Drools pastes it into that code.
 */
final class ColumnTemplates {

  static final String FILE = "columns.yaml";

  /** A rulebook without {@code columns.yaml}: no column is declared, no cell typed. */
  static final ColumnTemplates NONE = new ColumnTemplates(Map.of());

  // Nine digits, the most CellType.WHOLE_NUMBER takes.
  private static final long WHOLE_MAX = 999_999_999L;

  private static final String PARAM = "$param";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Map<Key, Column> columns;

  private ColumnTemplates(Map<Key, Column> columns) {
    this.columns = Map.copyOf(columns);
  }

  /**
   * The declared column with this fact (empty when the table's fact cell is) and code, compared
   * without the spaces that do not separate two words.
   */
  Optional<Column> find(String fact, String code) {
    return Optional.ofNullable(columns.get(new Key(fact.strip(), normalised(code))));
  }

  private static String spaced(String code) {
    return code.strip().replaceAll("\\s+", " ");
  }

  // Spaces matter only between two letters or digits ("Grade.A", "a instanceof B"), so the code
  // of a declaration may be wrapped over lines and spaced as the table's is not.
  private static String normalised(String code) {
    return spaced(code).replaceAll("(?<=[^\\w$]) | (?=[^\\w$])", "");
  }

  /**
   * One declared column.
   *
   * @param min the least a whole-number cell may hold
   * @param max the most a whole-number cell may hold
   */
  record Column(String fact, String code, CellType type, long min, long max) {

    /** Why the cell may not stand in this column, or empty if it may. */
    Optional<String> whyNot(String cell) {
      Optional<String> mistyped = type.whyNot(cell);
      if (mistyped.isPresent() || type != CellType.WHOLE_NUMBER) {
        return mistyped;
      }
      long value = Long.parseLong(cell);
      return value < min || value > max
          ? Optional.of("'" + cell + "' is not a whole number from " + min + " to " + max)
          : Optional.empty();
    }
  }

  private record Key(String fact, String code) {}

  /**
   * Reads the columns file.
   *
   * @return the columns declared without a mistake, and the mistakes, each with its line
   */
  static Parsed parse(byte[] yaml) {
    Declared file;
    try {
      file = YAML.readValue(yaml, Declared.class);
    } catch (UnrecognizedPropertyException unknown) {
      return Parsed.problem(
          unknown,
          lineOfKey(yaml, unknown.getPropertyName()),
          "'"
              + unknown.getPropertyName()
              + "' is not a setting of a column; known: "
              + unknown.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    } catch (JsonMappingException invalid) {
      // Read inside a column, a YAML mistake arrives wrapped as a mapping one.
      if (invalid.getCause() instanceof StreamReadException malformed) {
        return notYaml(malformed);
      }
      return Parsed.problem(invalid, 0, invalid.getOriginalMessage());
    } catch (JsonProcessingException malformed) {
      return notYaml(malformed);
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
    if (file == null || file.columns == null) {
      return new Parsed(NONE, List.of());
    }
    List<RulebookProblem> problems = new ArrayList<>();
    Map<Key, Column> columns = new LinkedHashMap<>();
    Map<Key, Integer> lines = new LinkedHashMap<>();
    for (Entry entry : file.columns) {
      if (entry == null) {
        continue;
      }
      Optional<String> mistake = mistakeIn(entry.declared);
      if (mistake.isPresent()) {
        problems.add(new RulebookProblem(FILE, entry.line, mistake.get()));
        continue;
      }
      Declaration declared = entry.declared;
      String fact = declared.fact == null ? "" : declared.fact.strip();
      Key key = new Key(fact, normalised(declared.code));
      Integer before = lines.putIfAbsent(key, entry.line);
      if (before != null) {
        problems.add(
            new RulebookProblem(
                FILE,
                entry.line,
                "the column '"
                    + spaced(declared.code)
                    + "'"
                    + (fact.isEmpty() ? "" : " of " + fact)
                    + " is declared already, on line "
                    + before));
        continue;
      }
      CellType type = CellType.written(declared.type).orElseThrow();
      columns.put(
          key,
          new Column(
              fact,
              spaced(declared.code),
              type,
              declared.min == null ? -WHOLE_MAX : declared.min,
              declared.max == null ? WHOLE_MAX : declared.max));
    }
    return new Parsed(new ColumnTemplates(columns), problems);
  }

  private static Parsed notYaml(JsonProcessingException malformed) {
    // The YAML parser's message goes on to quote the line and point at the column.
    String message = malformed.getOriginalMessage().lines().findFirst().orElse("").strip();
    return Parsed.problem(malformed, 0, "not valid YAML: " + message);
  }

  /** The 1-based line on which a key is first written, or 0. */
  private static int lineOfKey(byte[] yaml, String key) {
    String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("- ")) {
        line = line.substring(2).strip();
      }
      if (line.startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static Optional<String> mistakeIn(Declaration column) {
    if (column.code == null || column.code.isBlank()) {
      return Optional.of(
          "a column needs its code, as the table's code row writes it, such as: code: employees"
              + " >= $param");
    }
    String named = "column '" + spaced(column.code) + "': ";
    if (!column.code.contains(PARAM)) {
      return Optional.of(named + "the code has no " + PARAM + ", so no cell goes into it");
    }
    if (column.type == null || CellType.written(column.type).isEmpty()) {
      return Optional.of(
          named
              + (column.type == null ? "no type" : "'" + column.type + "' is not a type")
              + "; the types of cells are "
              + CellType.allWritten());
    }
    boolean wholeNumber = CellType.written(column.type).get() == CellType.WHOLE_NUMBER;
    if (!wholeNumber && (column.min != null || column.max != null)) {
      return Optional.of(named + "min and max are for whole-number columns only");
    }
    for (Long bound : new Long[] {column.min, column.max}) {
      if (bound != null && Math.abs(bound) > WHOLE_MAX) {
        return Optional.of(
            named + bound + " is beyond the nine digits a whole-number cell may have");
      }
    }
    if (column.min != null && column.max != null && column.min > column.max) {
      return Optional.of(named + "min " + column.min + " is more than max " + column.max);
    }
    return Optional.empty();
  }

  /** The declared columns, or why some could not be read. */
  record Parsed(ColumnTemplates templates, List<RulebookProblem> problems) {

    /**
     * @param line where the problem is, if known better than the parser's position (which is past
     *     the offending key); 0 to take the parser's
     */
    static Parsed problem(JsonProcessingException e, int line, String reason) {
      JsonLocation at = e.getLocation();
      if (line == 0) {
        line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      }
      return new Parsed(NONE, List.of(new RulebookProblem(FILE, line, reason)));
    }
  }

  private record Declared(@JsonProperty("columns") List<Entry> columns) {
    @JsonCreator
    Declared {}
  }

  /** A declaration and the line it starts on, so its mistakes point there. */
  @JsonDeserialize(using = EntryReader.class)
  record Entry(int line, Declaration declared) {}

  record Declaration(
      @JsonProperty("fact") String fact,
      @JsonProperty("code") String code,
      @JsonProperty("type") String type,
      @JsonProperty("min") Long min,
      @JsonProperty("max") Long max) {
    @JsonCreator
    Declaration {}
  }

  static final class EntryReader extends StdDeserializer<Entry> {

    private static final long serialVersionUID = 1L;

    EntryReader() {
      super(Entry.class);
    }

    @Override
    public Entry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      int line = Math.max(parser.currentTokenLocation().getLineNr(), 0);
      return new Entry(line, context.readValue(parser, Declaration.class));
    }
  }
}
