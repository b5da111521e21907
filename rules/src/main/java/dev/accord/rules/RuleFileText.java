package dev.accord.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A rulebook file as lines a person can compare between versions: text files as they are, a
 * spreadsheet (XLSX, XLS) as one CSV line per row, each sheet headed by its name.
 */
public final class RuleFileText {

  private RuleFileText() {}

  public static List<String> lines(String path, byte[] content) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
      return spreadsheetLines(content);
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
      return List.of(text.split("\n", -1));
    } catch (CharacterCodingException binary) {
      return List.of("(not text: " + content.length + " bytes)");
    }
  }

  private static List<String> spreadsheetLines(byte[] content) {
    List<String> lines = new ArrayList<>();
    DataFormatter cells = new DataFormatter(Locale.ROOT);
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      for (Sheet sheet : workbook) {
        lines.add("[sheet " + sheet.getSheetName() + "]");
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          List<String> values = new ArrayList<>();
          if (row != null) {
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
              values.add(row.getCell(c) == null ? "" : cells.formatCellValue(row.getCell(c)));
            }
          }
          StringWriter line = new StringWriter();
          try (CSVPrinter printer =
              new CSVPrinter(line, CSVFormat.DEFAULT.builder().setRecordSeparator("").get())) {
            printer.printRecord(values);
          }
          lines.add(line.toString());
        }
      }
      return lines;
    } catch (IOException | RuntimeException unreadable) {
      return List.of("(a spreadsheet that cannot be read: " + unreadable.getMessage() + ")");
    }
  }
}
