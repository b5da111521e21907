package dev.accord.it;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The escalation e-mails a test mail server received, as the people they went to read them. */
final class Alerts {

  private Alerts() {}

  /** One escalation e-mail: to whom, about which stage, with its text. */
  record Alert(String to, String stage, String subject, String escalationId, String text) {}

  /** Every escalation e-mail about one lead, in the order they arrived. */
  static List<Alert> aboutLead(MimeMessage[] received, String leadId) {
    List<Alert> alerts = new ArrayList<>();
    for (MimeMessage message : received) {
      try {
        if (leadId.equals(message.getHeader("X-Accord-Lead", null))) {
          alerts.add(alertOf(message));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return alerts;
  }

  /** Every escalation e-mail, of any lead. */
  static List<Alert> all(MimeMessage[] received) {
    List<Alert> alerts = new ArrayList<>();
    for (MimeMessage message : received) {
      try {
        if (message.getHeader("X-Accord-Escalation", null) != null) {
          alerts.add(alertOf(message));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return alerts;
  }

  private static Alert alertOf(MimeMessage message) throws MessagingException {
    String to =
        Arrays.stream(message.getAllRecipients())
            .map(address -> ((InternetAddress) address).getAddress())
            .findFirst()
            .orElseThrow();
    return new Alert(
        to,
        message.getHeader("X-Accord-Stage", null),
        message.getSubject(),
        message.getHeader("X-Accord-Escalation", null),
        plainText(message));
  }

  /** The plain-text alternative, decoded, as a mail client shows it. */
  private static String plainText(MimeMessage message) throws MessagingException {
    try {
      MimeMultipart alternatives = (MimeMultipart) message.getContent();
      for (int i = 0; i < alternatives.getCount(); i++) {
        if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
          return (String) alternatives.getBodyPart(i).getContent();
        }
      }
      throw new IllegalStateException("no plain-text part in " + message.getSubject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
