package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.platform.configuration.AccordSettings.MailServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends escalation e-mails over SMTP, plain text and HTML in one message; the Message-ID is derived
 * from the escalation, so a mail client recognises the same alert should it ever arrive twice.
 */
@ApplicationScoped
public class SmtpEscalationSender implements EscalationSender {

  private static final int TIMEOUT_MS = 10_000;

  @Inject AccordSettings settings;

  @Override
  public Escalation.Channel channel() {
    return Escalation.Channel.EMAIL;
  }

  @Override
  public void send(Escalation escalation)
      throws MessagingException, java.io.UnsupportedEncodingException {
    MailServer server = settings.mailServer();
    Properties properties = new Properties();
    properties.put("mail.smtp.host", server.host());
    properties.put("mail.smtp.port", String.valueOf(server.port()));
    properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
    properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
    properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
    if (server.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    properties.put("mail.smtp.auth", String.valueOf(server.user().isPresent()));
    Session session = Session.getInstance(properties);

    String messageId = "<escalation-" + escalation.getId() + "@accord>";
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(server.from()));
    message.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress(escalation.getAddress(), escalation.getRecipientName(), "UTF-8"));
    message.setSubject(escalation.content().subject(), StandardCharsets.UTF_8.name());
    message.setHeader("X-Accord-Escalation", escalation.getId().toString());
    if (escalation.getLeadId() != null) {
      message.setHeader("X-Accord-Lead", escalation.getLeadId().toString());
    }
    message.setHeader("X-Accord-Stage", escalation.getStage());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(escalation.content().text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(escalation.content().html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    message.saveChanges();
    if (server.user().isPresent()) {
      Transport.send(message, server.user().get(), server.password().orElse(""));
    } else {
      Transport.send(message);
    }
  }
}
