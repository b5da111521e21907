package dev.accord.routes.partners;

import dev.accord.routes.intake.FieldMapping;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a partner's feed file (CSV by the partner's delimiter, or JSON lines) into rows, telling a
 * bad row (reported, the rest goes on) from a file that cannot be read at all.
 *
 * <p>The whole file is read before any row is handed over, so an unusable file produces no lead.
 *
 * <p>CSV rows carry commons-csv's record number, with empty lines kept as records: that is the row
 * number a spreadsheet shows (the header is row 1, a quoted line break stays inside its row, an
 * empty line is a row of its own). Empty rows are skipped silently.
 */
final class FeedRows {

  /** The lead fields intake cannot do without; a file that has no column for one is unusable. */
  private static final List<String> REQUIRED_FIELDS = List.of("email", "country");

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final CSVFormat csv;
  private final FieldMapping mapping;

  FeedRows(char delimiter, FieldMapping mapping) {
    this.csv = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    this.mapping = mapping;
  }

  /**
   * @throws UnusableFeedException if the file is not UTF-8, has no header row or lacks a required
   *     column
   */
  FeedFile read(String fileName, byte[] content) throws UnusableFeedException {
    String text = utf8(content);
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return csv(text);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return jsonLines(text);
    }
    throw new UnusableFeedException("is neither .csv nor .jsonl/.ndjson");
  }

  /** The row as CSV text in the partner's own format, for people reading the quarantine. */
  String csvLine(List<String> cells) {
    return csv.format(cells.toArray());
  }

  private FeedFile csv(String text) throws UnusableFeedException {
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException e) {
      // commons-csv cannot resynchronise after a broken quote, so no later row can be trusted.
      throw new UnusableFeedException("is not valid CSV: a quoted value is never closed");
    }
    List<String> header = null;
    List<FeedRow> rows = new ArrayList<>();
    for (CSVRecord record : records) {
      List<String> cells = record.toList();
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (header == null) {
        header = header(cells);
        continue;
      }
      int number = (int) record.getRecordNumber();
      if (cells.size() != header.size()) {
        rows.add(
            FeedRow.unreadable(
                number,
                cells,
                csvLine(cells),
                "has " + cells.size() + " columns where the header has " + header.size()));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int column = 0; column < header.size(); column++) {
        if (!header.get(column).isEmpty()) {
          fields.put(header.get(column), cells.get(column));
        }
      }
      rows.add(FeedRow.readable(number, fields, cells, csvLine(cells)));
    }
    if (header == null) {
      throw new UnusableFeedException("has no header row");
    }
    return new FeedFile(header, rows);
  }

  /** Names are stripped, since spreadsheets keep stray blanks; unnamed columns are not read. */
  private List<String> header(List<String> cells) throws UnusableFeedException {
    List<String> header = cells.stream().map(String::strip).toList();
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      if (!column.isEmpty() && !seen.add(column.toLowerCase(Locale.ROOT))) {
        throw new UnusableFeedException("has the column '" + column + "' twice");
      }
    }
    // The mapping is asked rather than duplicated: a column counts if the mapping would fill the
    // field from it.
    var probe =
        mapping.toLead(
            header.stream()
                .filter(column -> !column.isEmpty())
                .collect(Collectors.toMap(Function.identity(), column -> "x")));
    List<String> missing = REQUIRED_FIELDS.stream().filter(field -> !probe.has(field)).toList();
    if (!missing.isEmpty()) {
      throw new UnusableFeedException(
          "has no column for "
              + String.join(" and ", missing)
              + " (columns: "
              + String.join(", ", header)
              + ")");
    }
    return header;
  }

  private static FeedFile jsonLines(String text) {
    List<FeedRow> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index];
      if (line.isBlank()) {
        continue;
      }
      int number = index + 1;
      try {
        rows.add(FeedRow.readable(number, JsonFields.read(line), List.of(line), line));
      } catch (UnreadableInputException e) {
        rows.add(FeedRow.unreadable(number, List.of(line), line, e.getMessage()));
      }
    }
    return new FeedFile(List.of("line"), rows);
  }

  private static String utf8(byte[] content) throws UnusableFeedException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnusableFeedException(
          "is not UTF-8 text (a spreadsheet can save it as \"CSV UTF-8\")");
    }
  }
}
