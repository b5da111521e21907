package dev.accord.routes.partners;

import java.util.List;

/**
 * A feed file read into rows, before any row is handed to intake.
 *
 * @param columns the columns the rejects file repeats after {@code row,reason}: the CSV header, or
 *     {@code line} for JSON lines
 * @param rows the non-blank rows in file order
 */
record FeedFile(List<String> columns, List<FeedRow> rows) {

  FeedFile {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
