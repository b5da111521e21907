package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A copy of the demo rulebook a test edits the way a business user would, file by file. */
final class EditedRulebook {

  private final Path folder;

  private EditedRulebook(Path folder) {
    this.folder = folder;
  }

  static EditedRulebook copyOfTheDemoIn(Path folder) throws IOException {
    return new EditedRulebook(DemoRulebook.copyTo(folder));
  }

  Path folder() {
    return folder;
  }

  /** Replaces text that must be in the file, as a user editing it would. */
  EditedRulebook replace(String file, String text, String replacement) throws IOException {
    Path path = folder.resolve(file);
    String content = Files.readString(path);
    assertThat(content).contains(text);
    Files.writeString(path, content.replace(text, replacement));
    return this;
  }

  EditedRulebook write(String file, String content) throws IOException {
    Path path = folder.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    return this;
  }

  EditedRulebook delete(String file) throws IOException {
    Files.delete(folder.resolve(file));
    return this;
  }

  /** The 1-based line (for a spreadsheet, the row) of the first line holding the text. */
  int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  /** Saves the rows, cell by cell as text, as the first sheet of a workbook. */
  EditedRulebook writeXlsx(String file, List<List<Object>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(folder.resolve(file))) {
      Sheet sheet = workbook.createSheet("Table");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object value = rows.get(r).get(c);
          if (value instanceof Number number) {
            row.createCell(c).setCellValue(number.doubleValue());
          } else {
            row.createCell(c).setCellValue((String) value);
          }
        }
      }
      workbook.write(out);
    }
    return this;
  }

  /** The problems the rulebook is rejected with; fails if it compiles. */
  List<RulebookProblem> problems() {
    RulebookRejectedException rejected =
        catchThrowableOfType(RulebookRejectedException.class, () -> Rulebook.compile(folder));
    assertThat(rejected).as("the rulebook is rejected").isNotNull();
    return rejected.problems();
  }
}
