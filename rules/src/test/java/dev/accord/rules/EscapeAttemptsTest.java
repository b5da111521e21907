package dev.accord.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * A business user with write access to the rulebook tries to run code on the server: every attempt
 * in {@code src/test/resources/escape-attempts} (a rule file or a decision table; its first line
 * says where it must be refused) is refused at its file and line or row, and never runs: the file
 * it would write stays absent, though the rulebook around it holds scenarios that run every rule.
 * Add an attempt by adding a file.
 */
class EscapeAttemptsTest {

  private static final Path ATTEMPTS = Path.of("src/test/resources/escape-attempts");
  private static final Pattern EXPECTED =
      Pattern.compile("^// refused: (?:line|row) (\\d+): ?(.*)$");

  @TempDir Path work;

  static Stream<String> attempts() throws IOException {
    try (Stream<Path> files = Files.list(ATTEMPTS)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Stream<String> tableAttempts() throws IOException {
    return attempts().filter(name -> name.endsWith(".csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  void anEscapeAttemptIsRefusedAtItsPlaceAndNeverRuns(String attempt) throws Exception {
    Attempt tried = Attempt.read(attempt, work.resolve("marker"));
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    String file = "scoring/attempt" + tried.extension();
    Files.writeString(rulebook.resolve(file), tried.content());

    assertRefusedAt(rulebook, file, tried);
  }

  @ParameterizedTest(name = "{0} saved as xlsx")
  @MethodSource("tableAttempts")
  void aTableEscapeAttemptSavedAsASpreadsheetIsRefusedAtItsRowAndNeverRuns(String attempt)
      throws Exception {
    Attempt tried = Attempt.read(attempt, work.resolve("marker"));
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    String file = "scoring/attempt.xlsx";
    writeAsSpreadsheet(tried.content(), rulebook.resolve(file));

    assertRefusedAt(rulebook, file, tried);
  }

  @Test
  void theSameAttemptWithoutTheCheckDoesWriteItsFile() throws Exception {
    // What the attempts above would do if they reached the engine: the marker is a real witness.
    Attempt tried = Attempt.read("01-file-io.drl", work.resolve("marker"));
    KieSession session =
        new KieHelper()
            .addContent(tried.content().replace("global ScoreSheet fit;", ""), ResourceType.DRL)
            .build()
            .newKieSession();
    session.insert(DemoRulebook.lead("CEO", 10, "DE", "webinar", "demo"));
    session.fireAllRules();
    session.dispose();

    assertThat(work.resolve("marker")).exists();
    assertThat(KieServices.Factory.get()).isNotNull();
  }

  @Test
  void theCheckScriptPrintsTheProblemsTheServerGives() throws Exception {
    Attempt tried = Attempt.read("07-class-for-name.drl", work.resolve("marker"));
    Path rulebook = DemoRulebook.copyTo(work.resolve("rulebook"));
    Files.writeString(rulebook.resolve("scoring/attempt.drl"), tried.content());
    List<RulebookProblem> server = problemsOf(rulebook);

    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    int exit =
        RulebookCheck.run(
            new String[] {rulebook.toString()},
            new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(printed.toString(StandardCharsets.UTF_8).lines().skip(1).map(String::strip))
        .containsExactlyElementsOf(server.stream().map(RulebookProblem::toString).toList());
  }

  private void assertRefusedAt(Path rulebook, String file, Attempt tried) {
    assertThatThrownBy(() -> Rulebook.compile(rulebook))
        .isInstanceOfSatisfying(
            RulebookRejectedException.class,
            rejected ->
                assertThat(rejected.problems())
                    .as("the problems of %s", rejected.problems())
                    .filteredOn(problem -> problem.file().equals(file))
                    .filteredOn(problem -> problem.line() == tried.line())
                    .extracting(RulebookProblem::reason)
                    .anySatisfy(reason -> assertThat(reason).contains(tried.reason())));
    assertThat(tried.marker()).doesNotExist();
  }

  private static List<RulebookProblem> problemsOf(Path rulebook) {
    try {
      Rulebook.compile(rulebook);
      throw new AssertionError("the rulebook compiled");
    } catch (RulebookRejectedException rejected) {
      return rejected.problems();
    }
  }

  private static void writeAsSpreadsheet(String csv, Path target) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(target)) {
      Sheet sheet = workbook.createSheet("Attempt");
      int r = 0;
      for (CSVRecord record :
          CSVFormat.DEFAULT
              .builder()
              .setIgnoreEmptyLines(false)
              .get()
              .parse(new StringReader(csv))) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < record.size(); c++) {
          if (!record.get(c).isEmpty()) {
            row.createCell(c).setCellValue(record.get(c));
          }
        }
      }
      workbook.write(out);
    }
  }

  /**
   * One attempt: its text with the marker's path in it, and where it must be refused. A table's
   * first line (the expectation) is taken off before it is saved, so its rows count from the
   * RuleSet row.
   */
  private record Attempt(String extension, String content, int line, String reason, Path marker) {

    static Attempt read(String name, Path marker) throws IOException {
      String text = Files.readString(ATTEMPTS.resolve(name));
      String first = text.lines().findFirst().orElseThrow();
      Matcher expected = EXPECTED.matcher(first);
      if (!expected.matches()) {
        throw new IllegalStateException(name + " does not start with '// refused: line N: why'");
      }
      String extension = name.substring(name.lastIndexOf('.'));
      String content = text.replace("MARKER", marker.toString().replace("\\", "/"));
      if (extension.equals(".csv")) {
        content = content.substring(content.indexOf('\n') + 1);
      }
      return new Attempt(
          extension,
          content,
          Integer.parseInt(expected.group(1)),
          expected.group(2).strip(),
          marker);
    }
  }
}
