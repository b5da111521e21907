package dev.accord.organisation.control;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV of an organisation import (accounts, teams, reps, heads) the one same way: a first
 * line naming the columns, in any order, then one row per record; a spreadsheet's BOM and blank
 * lines are ignored, and each row is named as a spreadsheet numbers it (the header is row 1).
 */
final class CsvImport {

  /** One row: where it is, for problems ({@code "row 3: "}), and its values by column. */
  record Row(String where, Map<String, String> values) {

    /** The value of a column, stripped; null if the cell is empty. */
    String get(String column) {
      String value = values.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private CsvImport() {}

  /**
   * @param what what a row is, plural, for the size limit's message ("accounts")
   * @throws InvalidOrganisationException if the header lacks a column, there are too many rows or
   *     the text is not CSV
   */
  static List<Row> read(String csv, List<String> columns, int maxRows, String what) {
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get()
            .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
      List<String> missing =
          columns.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidOrganisationException(
            "header",
            "the first line must name the columns "
                + String.join(",", columns)
                + "; missing "
                + String.join(", ", missing));
      }
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw new InvalidOrganisationException(
              "rows", "at most " + maxRows + " " + what + " per import");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : columns) {
          // A short row leaves its last cells empty.
          values.put(column, record.isSet(column) ? record.get(column) : null);
        }
        rows.add(new Row("row " + (record.getRecordNumber() + 1) + ": ", values));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
      throw new InvalidOrganisationException(
          "csv", "cannot be read as CSV: " + unreadable.getMessage());
    }
    return rows;
  }
}
