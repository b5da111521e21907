package dev.accord.routes.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accord.routes.intake.FieldMapping;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one mail into the lead the JSON API would take, so that from there on a mail is validated
 * and normalised exactly like every other channel's lead. Pure: it reads only the message given.
 *
 * <p>A form tool's notification ({@code Field: value} lines) gives the submitted fields; any other
 * mail is a prospect writing in, whose sender, name, words and signature make the lead. A lead
 * without a stated country gets one from its phone's calling code or its e-mail's country domain;
 * without either, validation rejects it for its missing country, which is what a person must fix.
 */
public final class MailLeadReader {

  /** What a lead that came in by mail did, unless the mail says otherwise. */
  static final String ACTION = "email";

  private final FieldMapping mapping;

  public MailLeadReader(FieldMapping mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /**
   * @return the lead's fields as the JSON API names them
   * @throws UnreadableMailException when the mail has no sender, no readable text or broken MIME
   */
  public ObjectNode read(MimeMessage mail) throws UnreadableMailException {
    InternetAddress sender = sender(mail);
    String text = MailText.of(mail);
    Map<String, String> fields =
        FormNotification.read(text, mapping).orElseGet(() -> ProspectMail.read(sender, text));
    ObjectNode lead = mapping.toLead(fields);
    if (!lead.hasNonNull("action")) {
      lead.put("action", ACTION);
    }
    if (!lead.hasNonNull("country")) {
      CountryHint.of(text(lead, "phone"), text(lead, "email"))
          .ifPresent(country -> lead.put("country", country));
    }
    return lead;
  }

  private static InternetAddress sender(MimeMessage mail) throws UnreadableMailException {
    Address[] from;
    try {
      from = mail.getFrom();
    } catch (MessagingException e) {
      // The exception would quote the malformed address: personal data, so it is not kept.
      throw new UnreadableMailException("the mail's sender address cannot be read");
    }
    if (from != null) {
      for (Address address : from) {
        if (address instanceof InternetAddress internet
            && internet.getAddress() != null
            && internet.getAddress().contains("@")) {
          return internet;
        }
      }
    }
    throw new UnreadableMailException("the mail has no sender address");
  }

  private static String text(ObjectNode lead, String field) {
    JsonNode value = lead.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
