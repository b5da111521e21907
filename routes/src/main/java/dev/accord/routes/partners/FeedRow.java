package dev.accord.routes.partners;

import java.util.List;
import java.util.Map;

/**
 * One row of a feed file, numbered as the partner sees it, so that a rejection points them to the
 * line to fix.
 *
 * @param number the row as a spreadsheet shows it (CSV) or the line number (JSON lines)
 * @param fields column name to value; empty when the row could not be read
 * @param cells the row as written, for the rejects file
 * @param text the row as written, as one line of text, for the quarantine
 * @param problem why the row could not be read, or null if it could
 */
record FeedRow(
    int number, Map<String, String> fields, List<String> cells, String text, String problem) {

  FeedRow {
    fields = Map.copyOf(fields);
    cells = List.copyOf(cells);
  }

  static FeedRow readable(int number, Map<String, String> fields, List<String> cells, String text) {
    return new FeedRow(number, fields, cells, text, null);
  }

  static FeedRow unreadable(int number, List<String> cells, String text, String problem) {
    return new FeedRow(number, Map.of(), cells, text, problem);
  }
}
