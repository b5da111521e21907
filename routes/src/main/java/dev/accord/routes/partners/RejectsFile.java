package dev.accord.routes.partners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of one feed file that did not become leads, with the reason for each, written beside the
 * file as {@code <name>.rejects.csv} so the partner can fix exactly those rows and send them again.
 *
 * <p>It is meant to be opened in a spreadsheet, so it starts with a UTF-8 byte order mark (without
 * it Excel reads UTF-8 as the local code page), uses the partner's delimiter, and defuses every
 * cell that a spreadsheet would run as a formula.
 */
final class RejectsFile {

  /** One rejected row and why. */
  record Rejected(FeedRow row, String reason) {}

  private final List<String> columns;
  private final CSVFormat format;
  private final List<Rejected> rejected = new ArrayList<>();

  RejectsFile(List<String> columns, char delimiter) {
    this.columns = List.copyOf(columns);
    this.format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
  }

  static String nameFor(String fileName) {
    return fileName + ".rejects.csv";
  }

  synchronized void add(FeedRow row, String reason) {
    rejected.add(new Rejected(row, reason));
  }

  synchronized List<Rejected> rejected() {
    return List.copyOf(rejected);
  }

  synchronized byte[] toBytes() {
    StringBuilder text = new StringBuilder().append('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(text, format)) {
      List<String> header = new ArrayList<>(List.of("row", "reason"));
      header.addAll(columns);
      printRecord(printer, header);
      for (Rejected reject : rejected) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(reject.row().number()));
        cells.add(reject.reason());
        cells.addAll(reject.row().cells());
        printRecord(printer, cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void printRecord(CSVPrinter printer, List<String> cells) throws IOException {
    printer.printRecord(cells.stream().map(RejectsFile::defused).toList());
  }

  /**
   * A leading quote makes a spreadsheet show the cell as text instead of running it (OWASP's CSV
   * injection advice); partners' data is not trusted to be free of formulas.
   */
  static String defused(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
