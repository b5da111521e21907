package dev.accord.routes.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.routes.intake.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedRowsTest {

  private static final FieldMapping GERMAN =
      new FieldMapping(Map.of("E-Mail", "email", "Land", "country"), true, Set.of());

  @Test
  void europeanSpreadsheetExportIsReadWithRowsNumberedAsTheSpreadsheetShowsThem() throws Exception {
    String csv =
        "\uFEFFE-Mail ;Land ; Notiz\r\n"
            + "ada@example.com;DE;\"erste Zeile\r\nzweite Zeile\"\r\n"
            + "\r\n"
            + "bob@example.com;AT;kurz\r\n";

    FeedFile feed = new FeedRows(';', GERMAN).read("leads.csv", utf8(csv));

    assertThat(feed.columns()).containsExactly("E-Mail", "Land", "Notiz");
    assertThat(feed.rows())
        .extracting(FeedRow::number, FeedRow::fields, FeedRow::problem)
        .containsExactly(
            tuple(
                2,
                Map.of(
                    "E-Mail",
                    "ada@example.com",
                    "Land",
                    "DE",
                    "Notiz",
                    "erste Zeile\r\nzweite Zeile"),
                null),
            tuple(4, Map.of("E-Mail", "bob@example.com", "Land", "AT", "Notiz", "kurz"), null));
  }

  @Test
  void rowWithAColumnMissingIsUnreadableButTheNextRowIsRead() throws Exception {
    FeedFile feed =
        new FeedRows(',', GERMAN)
            .read("leads.csv", utf8("E-Mail,Land\nada@example.com\nbob@example.com,AT\n"));

    assertThat(feed.rows())
        .extracting(FeedRow::number, FeedRow::problem, FeedRow::text)
        .containsExactly(
            tuple(2, "has 1 columns where the header has 2", "ada@example.com"),
            tuple(3, null, "bob@example.com,AT"));
  }

  @Test
  void jsonLinesAreNumberedByLineAndABrokenLineIsUnreadable() throws Exception {
    FeedFile feed =
        new FeedRows(',', FieldMapping.identity())
            .read(
                "leads.ndjson",
                utf8(
                    "{\"email\": \"ada@example.com\", \"employees\": 50}\n"
                        + "\n"
                        + "{\"email\": \"bob@\n"
                        + "[1, 2]\n"));

    assertThat(feed.columns()).containsExactly("line");
    assertThat(feed.rows())
        .extracting(FeedRow::number, FeedRow::fields, FeedRow::problem)
        .containsExactly(
            tuple(1, Map.of("email", "ada@example.com", "employees", "50"), null),
            tuple(3, Map.of(), "is not valid JSON at column 16"),
            tuple(4, Map.of(), "is not a JSON object"));
  }

  @Test
  void fileWithoutColumnForEmailIsUnusableNamingTheColumnsItHas() {
    assertThatThrownBy(
            () ->
                new FeedRows(',', GERMAN).read("leads.csv", utf8("Mail,Land\na@example.com,DE\n")))
        .isInstanceOf(UnusableFeedException.class)
        .hasMessage("has no column for email (columns: Mail, Land)");
  }

  @Test
  void fileOfBlankLinesHasNoHeaderRow() {
    assertThatThrownBy(() -> new FeedRows(';', GERMAN).read("leads.csv", utf8("\r\n ; \r\n")))
        .isInstanceOf(UnusableFeedException.class)
        .hasMessage("has no header row");
  }

  @Test
  void latin1FileIsRefusedAsNotUtf8() {
    assertThatThrownBy(
            () ->
                new FeedRows(',', GERMAN)
                    .read(
                        "leads.csv",
                        "E-Mail,Land,Stadt\na@example.com,DE,München\n"
                            .getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(UnusableFeedException.class)
        .hasMessageStartingWith("is not UTF-8 text");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
