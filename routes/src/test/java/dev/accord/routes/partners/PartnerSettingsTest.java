package dev.accord.routes.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accord.routes.intake.FieldMapping;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerSettingsTest {

  @Test
  void settingsBoundByJacksonTakeDefaultsForWhatIsNotGiven() throws Exception {
    PartnerSettings acme =
        new ObjectMapper()
            .readValue(
                """
                {"id": "acme", "source": "partner-acme", "folder": "/data/acme",
                 "mapping": {"fields": {"E-Mail": "email"}, "unmappedToAttributes": true}}
                """,
                PartnerSettings.class);

    assertThat(acme.delimiter()).isEqualTo(',');
    assertThat(acme.pollMillis()).isEqualTo(2000);
    assertThat(acme.maxFileBytes()).isEqualTo(50L * 1024 * 1024);
    assertThat(acme.quietMillis()).isEqualTo(10_000);
    assertThat(acme.mapping())
        .isEqualTo(new FieldMapping(Map.of("E-Mail", "email"), true, Set.of()));
  }

  @Test
  void sftpSettingsBindWithDefaultPortAndNeverShowThePassword() throws Exception {
    PartnerSettings acme =
        new ObjectMapper()
            .readValue(
                """
                {"id": "acme", "source": "partner-acme", "delimiter": ";",
                 "sftp": {"host": "sftp.acme.example", "user": "accord", "password": "s3cr3t!",
                          "directory": "outbox"}}
                """,
                PartnerSettings.class);

    assertThat(acme.delimiter()).isEqualTo(';');
    assertThat(acme.sftp().port()).isEqualTo(22);
    assertThat(acme.toString()).doesNotContain("s3cr3t!").contains("password=***");
  }

  @Test
  void partnerWithoutFolderSftpOrQueueIsRefused() {
    assertThatThrownBy(
            () ->
                new PartnerSettings(
                    "acme", "partner-acme", null, null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner acme: folder sftp or queue needed");
  }

  @Test
  void partnerIdWithCapitalsIsRefusedNamingTheField() {
    assertThatThrownBy(
            () -> new PartnerSettings("Acme", "x", "/in", null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be");
  }

  @Test
  void queueNameThatCouldCarryEndpointOptionsIsRefused() {
    assertThatThrownBy(
            () ->
                new PartnerSettings(
                    "acme", "x", null, null, "q?transacted=false", null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner acme: queue is not a queue name");
  }

  @Test
  void zeroPollIntervalIsRefused() {
    assertThatThrownBy(
            () -> new PartnerSettings("acme", "x", "/in", null, null, null, null, 0L, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partner acme: pollMillis must be positive");
  }
}
