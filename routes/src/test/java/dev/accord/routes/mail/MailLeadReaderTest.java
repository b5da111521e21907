package dev.accord.routes.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.routes.intake.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailLeadReaderTest {

  private final MailLeadReader reader = new MailLeadReader(FieldMapping.identity());

  @Test
  void formNotificationGivesTheSubmittedFieldsNotTheFormToolsAddress() throws Exception {
    ObjectNode lead = reader.read(Mails.parse(Mails.FORM_NOTIFICATION));

    assertThat(lead)
        .isEqualTo(
            json(
                Map.of(
                    "firstName", "Zoë",
                    "lastName", "Lovelace",
                    "email", "Zoe.Lovelace@Example.COM",
                    "company", "Analytical Engines",
                    "country", "Germany",
                    "phone", "030 1234567",
                    "message", "We would like a demo\nfor twenty people.",
                    "action", "email")));
  }

  @Test
  void formLabelsTheMappingListsAreTranslatedByTheMapping() throws Exception {
    MailLeadReader mapped =
        new MailLeadReader(
            new FieldMapping(
                Map.of("Budget", "attributes.budget", "Company", "industry"), false, Set.of()));

    ObjectNode lead = mapped.read(Mails.parse(Mails.FORM_NOTIFICATION));

    assertThat(lead.get("attributes").get("budget").asText()).isEqualTo("10k");
    assertThat(lead.get("industry").asText()).isEqualTo("Analytical Engines");
    assertThat(lead.has("company")).isFalse();
  }

  @Test
  void htmlOnlyFormNotificationIsReadFromItsTable() throws Exception {
    ObjectNode lead =
        reader.read(
            Mails.parse(
                Mails.mail(
                    """
                    From: no-reply@formtool.example
                    Content-Type: text/html; charset=UTF-8
                    """,
                    """
                    <html><head><style>td {color: red}</style></head><body>
                    <p>New submission</p>
                    <table><tr><td>Full name:</td><td>Ada Lovelace</td></tr>
                    <tr><td>Email address:</td><td>ada@example.com</td></tr>
                    <tr><td>Organisation:</td><td>Babbage &amp; Lovelace</td></tr>
                    <tr><td>Country:</td><td>FR</td></tr></table></body></html>
                    """)));

    assertThat(lead)
        .isEqualTo(
            json(
                Map.of(
                    "firstName", "Ada",
                    "lastName", "Lovelace",
                    "email", "ada@example.com",
                    "company", "Babbage & Lovelace",
                    "country", "FR",
                    "action", "email")));
  }

  @Test
  void prospectMailGivesSenderNameSignatureAndCountryFromThePhone() throws Exception {
    ObjectNode lead =
        reader.read(Mails.parse(Mails.bytes(Mails.PROSPECT_MAIL, StandardCharsets.ISO_8859_1)));

    assertThat(lead)
        .isEqualTo(
            json(
                Map.of(
                    "email", "ada@analytical-engines.com",
                    "firstName", "Ada",
                    "lastName", "Lovelace",
                    "company", "Analytical Engines GmbH",
                    "phone", "+49 30 1234567",
                    "country", "DE",
                    "action", "email",
                    "message",
                        """
                        Hello,

                        we are looking for a lead routing tool. Could you show us Accord?

                        Best regards
                        Ada

                        --\s
                        Ada Lovelace
                        Analytical Engines GmbH
                        Tel: +49 30 1234567""")));
  }

  @Test
  void signatureInOneLineGivesTitleAndCompanyAndQuotedReplyIsLeftOut() throws Exception {
    ObjectNode lead =
        reader.read(
            Mails.parse(
                Mails.mail(
                    """
                    From: "Lovelace, Ada" <ada@engines.co.uk>
                    Content-Type: text/plain
                    """,
                    """
                    Yes, Tuesday works.

                    Ada Lovelace | CTO | Analytical Engines
                    Mobile: 020 7946 0000

                    On Mon, 3 Mar 2025, Bob <bob@accord.example> wrote:
                    > Would Tuesday work for a demo?
                    > Bob
                    """)));

    assertThat(lead.get("firstName").asText()).isEqualTo("Ada");
    assertThat(lead.get("lastName").asText()).isEqualTo("Lovelace");
    assertThat(lead.get("title").asText()).isEqualTo("CTO");
    assertThat(lead.get("company").asText()).isEqualTo("Analytical Engines");
    assertThat(lead.get("phone").asText()).isEqualTo("020 7946 0000");
    // No "+" on the phone: the country comes from the .uk domain.
    assertThat(lead.get("country").asText()).isEqualTo("GB");
    assertThat(lead.get("message").asText())
        .isEqualTo(
            "Yes, Tuesday works.\n\nAda Lovelace | CTO | Analytical Engines\n"
                + "Mobile: 020 7946 0000");
  }

  @Test
  void genericDomainAndNoPhoneGiveNoCountry() throws Exception {
    ObjectNode lead =
        reader.read(
            Mails.parse(
                Mails.mail(
                    """
                    From: grace@startup.io
                    Content-Type: text/plain
                    """,
                    "Please call me.\n")));

    assertThat(lead.has("country")).isFalse();
    assertThat(lead.has("firstName")).isFalse();
  }

  @Test
  void signatureWithAnEmailLineIsNotTakenForAFormNotification() throws Exception {
    ObjectNode lead =
        reader.read(
            Mails.parse(
                Mails.mail(
                    """
                    From: Grace Hopper <grace@navy.example>
                    Content-Type: text/plain
                    """,
                    """
                    Hi, we need a quote for 40 seats.
                    Thanks

                    Grace Hopper
                    Email: grace.private@example.org
                    Phone: +1 202 555 0143
                    """)));

    assertThat(lead.get("email").asText()).isEqualTo("grace@navy.example");
    assertThat(lead.get("phone").asText()).isEqualTo("+1 202 555 0143");
    assertThat(lead.get("country").asText()).isEqualTo("US");
  }

  @Test
  void mailWithoutSenderIsUnreadable() {
    assertUnreadable(
        Mails.mail("Content-Type: text/plain", "Hello\n"), "the mail has no sender address");
  }

  @Test
  void multipartWithoutItsBoundaryIsUnreadable() {
    assertUnreadable(
        Mails.mail(
            """
            From: ada@example.com
            Content-Type: multipart/mixed; boundary="XYZ"
            """,
            "no boundary anywhere\n"),
        "the mail's MIME structure is broken");
  }

  @Test
  void mailWithOnlyAnAttachmentIsUnreadable() {
    assertUnreadable(
        Mails.mail(
            """
            From: ada@example.com
            Content-Type: multipart/mixed; boundary="XYZ"
            """,
            """
            --XYZ
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --XYZ--
            """),
        "the mail has no text part to read");
  }

  @Test
  void bodyInAnUnknownCharsetIsUnreadable() {
    assertUnreadable(
        Mails.mail(
            """
            From: ada@example.com
            Content-Type: text/plain; charset=x-klingon
            """,
            "Hello\n"),
        "the mail's text is in charset 'x-klingon', which cannot be decoded");
  }

  @Test
  void bodyThatIsNotInItsDeclaredCharsetIsUnreadable() {
    byte[] latin1 =
        Mails.bytes(
            Mails.mail(
                """
                From: ada@example.com
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit
                """,
                "Grüße\n"),
            StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(Mails.parse(latin1)))
        .isInstanceOf(UnreadableMailException.class)
        .hasMessage("the mail's text is not valid UTF-8 as it declares");
  }

  private void assertUnreadable(String mail, String reason) {
    assertThatThrownBy(() -> reader.read(Mails.parse(mail)))
        .isInstanceOf(UnreadableMailException.class)
        .hasMessage(reason);
  }

  private static ObjectNode json(Map<String, String> fields) {
    ObjectNode lead = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    fields.forEach(lead::put);
    return lead;
  }
}
