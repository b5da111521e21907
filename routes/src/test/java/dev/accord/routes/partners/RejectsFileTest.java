package dev.accord.routes.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectsFileTest {

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
    RejectsFile rejects = new RejectsFile(List.of("E-Mail", "=Land"), ';');
    rejects.add(
        FeedRow.unreadable(
            7, List.of("=HYPERLINK(\"http://x\")", "+49", "-1", "@SUM(A1)", "\tx", "ok"), "", ""),
        "has 6 columns where the header has 2");

    assertThat(new String(rejects.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFrow;reason;E-Mail;'=Land\r\n"
                + "7;has 6 columns where the header has 2;\"'=HYPERLINK(\"\"http://x\"\")\";'+49;'-1;"
                + "'@SUM(A1);'\tx;ok\r\n");
  }

  @Test
  void readableRowKeepsItsCellsAsWritten() {
    RejectsFile rejects = new RejectsFile(List.of("email", "country"), ',');
    rejects.add(
        FeedRow.readable(2, Map.of(), List.of("ada@@example", "DE"), ""),
        "email is not a valid e-mail address");

    assertThat(new String(rejects.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFrow,reason,email,country\r\n"
                + "2,email is not a valid e-mail address,ada@@example,DE\r\n");
  }
}
