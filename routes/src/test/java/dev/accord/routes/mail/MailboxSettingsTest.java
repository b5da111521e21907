package dev.accord.routes.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.accord.routes.intake.FieldMapping;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailboxSettingsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void absentValuesGetTheirDefaults() throws Exception {
    MailboxSettings settings =
        JSON.readValue(
            """
            {"source": "sales-inbox", "host": "imap.example.com", "port": 993,
             "user": "sales", "password": "s3cret"}
            """,
            MailboxSettings.class);

    assertThat(settings.tls()).isFalse();
    assertThat(settings.protocol()).isEqualTo("imap");
    assertThat(settings.folder()).isEqualTo("INBOX");
    assertThat(settings.doneFolder()).isEqualTo("Accord/Done");
    assertThat(settings.quarantineFolder()).isEqualTo("Accord/Quarantine");
    assertThat(settings.pollMillis()).isEqualTo(5000);
    assertThat(settings.maxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(settings.mapping()).isEqualTo(FieldMapping.identity());
  }

  @Test
  void everyValueCanBeConfiguredIncludingTheFormMapping() throws Exception {
    MailboxSettings settings =
        JSON.readValue(
            """
            {"source": "partner-forms", "host": "imap.example.com", "port": 993, "tls": true,
             "user": "forms", "password": "s3cret", "folder": "Forms", "doneFolder": "Forms/Done",
             "quarantineFolder": "Forms/Bad", "pollMillis": 60000, "maxBytes": 1048576,
             "mapping": {"fields": {"Budget": "attributes.budget"}, "ignored": ["Submit"]}}
            """,
            MailboxSettings.class);

    assertThat(settings.protocol()).isEqualTo("imaps");
    assertThat(settings.folder()).isEqualTo("Forms");
    assertThat(settings.doneFolder()).isEqualTo("Forms/Done");
    assertThat(settings.quarantineFolder()).isEqualTo("Forms/Bad");
    assertThat(settings.pollMillis()).isEqualTo(60000);
    assertThat(settings.maxBytes()).isEqualTo(1048576);
    assertThat(settings.mapping())
        .isEqualTo(
            new FieldMapping(Map.of("Budget", "attributes.budget"), false, Set.of("Submit")));
  }

  @Test
  void missingRequiredValueIsNamed() {
    assertThatThrownBy(
            () ->
                JSON.readValue(
                    "{\"source\": \"sales-inbox\", \"port\": 993, \"user\": \"u\","
                        + " \"password\": \"p\"}",
                    MailboxSettings.class))
        .isInstanceOf(ValueInstantiationException.class)
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host is required");
  }

  @Test
  void filingIntoThePolledFolderIsRefusedBecauseItWouldLoopForever() {
    assertThatThrownBy(() -> settings("INBOX", "s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("doneFolder and quarantineFolder must differ from folder");
  }

  @Test
  void passwordIsNeitherPrintedNorQuotedInErrors() {
    MailboxSettings settings = settings("Accord/Done", "s3cret");

    assertThat(settings.toString()).doesNotContain("s3cret").contains("password=****");
    assertThatThrownBy(() -> settings("Accord/Done", ""))
        .hasMessage("password is required")
        .hasMessageNotContaining("s3cret");
  }

  private static MailboxSettings settings(String doneFolder, String password) {
    return new MailboxSettings(
        "sales-inbox",
        "imap.example.com",
        993,
        true,
        "sales",
        password,
        null,
        doneFolder,
        null,
        null,
        null,
        null);
  }
}
