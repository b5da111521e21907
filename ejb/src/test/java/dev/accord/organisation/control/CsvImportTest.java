package dev.accord.organisation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {

  private static final List<String> COLUMNS = List.of("id", "name", "email");

  @Test
  void rowsAreNamedAsASpreadsheetNumbersThemAndReadByColumnInAnyOrder() {
    List<CsvImport.Row> rows =
        CsvImport.read(
            "\uFEFFemail,id,name,note\n"
                + "ana@accord.example, ana ,\"Costa, Ana\",x\n"
                + "\n"
                + ",tom\n",
            COLUMNS,
            10,
            "reps");

    assertThat(rows)
        .extracting(CsvImport.Row::where, r -> r.get("id"), r -> r.get("name"), r -> r.get("email"))
        .containsExactly(
            tuple("row 2: ", "ana", "Costa, Ana", "ana@accord.example"),
            tuple("row 3: ", "tom", null, null));
  }

  @Test
  void aHeaderWithoutTheColumnsIsRefusedNamingTheMissingOnes() {
    assertThatThrownBy(() -> CsvImport.read("id,mail\n1,2\n", COLUMNS, 10, "reps"))
        .isInstanceOfSatisfying(
            InvalidOrganisationException.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        new Problem(
                            "header",
                            "the first line must name the columns id,name,email; missing name,"
                                + " email")));
  }

  @Test
  void moreRowsThanAnImportMayHoldAreRefused() {
    assertThatThrownBy(
            () -> CsvImport.read("id,name,email\na,A,a@x.io\nb,B,b@x.io\n", COLUMNS, 1, "teams"))
        .isInstanceOfSatisfying(
            InvalidOrganisationException.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(new Problem("rows", "at most 1 teams per import")));
  }
}
