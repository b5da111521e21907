package dev.accord.routes.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Mails as a server stores them, written as text blocks for the tests to read at a glance. */
final class Mails {

  static final String FORM_NOTIFICATION =
      """
      From: Form Tool <no-reply@formtool.example>
      To: sales@accord.example
      Subject: New submission: Contact us
      Message-ID: <form-1@formtool.example>
      Date: Mon, 3 Mar 2025 09:00:00 +0000
      MIME-Version: 1.0
      Content-Type: text/plain; charset=UTF-8
      Content-Transfer-Encoding: 8bit

      You have a new submission on "Contact us":

      First name: Zoë
      Last name: Lovelace
      E-mail: Zoe.Lovelace@Example.COM
      Company: Analytical Engines
      Country: Germany
      Phone: 030 1234567
      Budget: 10k
      Message: We would like a demo
      for twenty people.

      --
      Sent by Form Tool
      """;

  static final String PROSPECT_MAIL =
      """
      From: "Ada Lovelace" <ada@analytical-engines.com>
      To: sales@accord.example
      Subject: Demo?
      Message-ID: <prospect-1@analytical-engines.com>
      Date: Mon, 3 Mar 2025 09:00:00 +0000
      MIME-Version: 1.0
      Content-Type: text/plain; charset=ISO-8859-1
      Content-Transfer-Encoding: quoted-printable

      Hello,

      we are looking for a lead routing tool. Could you show us Accord?

      Best regards
      Ada

      --=20
      Ada Lovelace
      Analytical Engines GmbH
      Tel: +49 30 1234567
      """;

  private Mails() {}

  /** A mail with the given headers and body; line breaks become CRLF as on the wire. */
  static String mail(String headers, String body) {
    return headers.strip() + "\n\n" + body;
  }

  static byte[] bytes(String mail) {
    return wire(mail).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String mail, java.nio.charset.Charset charset) {
    return wire(mail).getBytes(charset);
  }

  static MimeMessage parse(byte[] source) {
    try {
      return new MimeMessage(
          Session.getInstance(new Properties()), new ByteArrayInputStream(source));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static MimeMessage parse(String mail) {
    return parse(bytes(mail));
  }

  private static String wire(String mail) {
    return mail.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
