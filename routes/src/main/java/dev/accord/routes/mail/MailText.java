package dev.accord.routes.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the text a person would read in a mail: its plain-text part, or its HTML part reduced to
 * text. Decodes strictly, because a body read in the wrong charset would put garbled names into a
 * lead instead of sending the mail to quarantine where someone can look at it.
 */
final class MailText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAKING =
      Pattern.compile("(?i)<br\\s*/?>|</?(p|div|tr|li|h[1-6]|table|ul|ol)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC_ENTITY =
      Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

  private MailText() {}

  /**
   * @throws UnreadableMailException when no text can be found or decoded
   */
  static String of(Part mail) throws UnreadableMailException {
    try {
      Part plain = firstText(mail, "text/plain");
      if (plain != null) {
        return normaliseLineBreaks(decode(plain));
      }
      Part html = firstText(mail, "text/html");
      if (html != null) {
        return normaliseLineBreaks(htmlToText(decode(html)));
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      // Jakarta Mail reports broken MIME through all three, depending on where it breaks.
      throw new UnreadableMailException("the mail's MIME structure is broken", e);
    }
    throw new UnreadableMailException("the mail has no text part to read");
  }

  private static Part firstText(Part part, String type) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return null;
    }
    if (part.isMimeType(type)) {
      return part;
    }
    if (part.isMimeType("multipart/*")) {
      if (!(part.getContent() instanceof Multipart multipart)) {
        throw new MessagingException("multipart without parts");
      }
      for (int i = 0; i < multipart.getCount(); i++) {
        Part text = firstText(multipart.getBodyPart(i), type);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static String decode(Part text)
      throws MessagingException, IOException, UnreadableMailException {
    String declared = new ContentType(text.getContentType()).getParameter("charset");
    byte[] bytes;
    try (InputStream in = text.getInputStream()) {
      bytes = in.readAllBytes();
    }
    if (declared == null || declared.isBlank()) {
      // Many senders leave the charset out; UTF-8 is the usual intent and ISO-8859-1 never fails.
      String utf8 = strictly(bytes, StandardCharsets.UTF_8);
      return utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
    }
    Charset charset = charset(declared);
    String decoded = strictly(bytes, charset);
    if (decoded == null) {
      throw new UnreadableMailException(
          "the mail's text is not valid " + declared + " as it declares");
    }
    return decoded;
  }

  private static Charset charset(String declared) throws UnreadableMailException {
    try {
      return Charset.forName(MimeUtility.javaCharset(declared));
    } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
      throw new UnreadableMailException(
          "the mail's text is in charset '" + declared + "', which cannot be decoded");
    }
  }

  private static String strictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Good enough for notification mails, which are simple tables and paragraphs. */
  static String htmlToText(String html) {
    String text = INVISIBLE.matcher(html).replaceAll("");
    text = LINE_BREAKING.matcher(text.replaceAll("[\\r\\n]+", " ")).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = unescape(text);
    return text.replaceAll("[ \\t\\u00A0]+", " ").replaceAll("(?m)^ | $", "");
  }

  private static String unescape(String text) {
    Matcher numeric = NUMERIC_ENTITY.matcher(text);
    StringBuilder unescaped = new StringBuilder();
    while (numeric.find()) {
      int codePoint =
          numeric.group(1) != null
              ? Integer.parseInt(numeric.group(1), 16)
              : Integer.parseInt(numeric.group(2));
      String character = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "";
      numeric.appendReplacement(unescaped, Matcher.quoteReplacement(character));
    }
    numeric.appendTail(unescaped);
    return unescaped
        .toString()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String normaliseLineBreaks(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
