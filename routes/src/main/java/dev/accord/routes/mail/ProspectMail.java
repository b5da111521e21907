package dev.accord.routes.mail;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a mail a prospect wrote themselves: the sender is the lead, what they wrote is the message,
 * and their signature may say where they work.
 */
final class ProspectMail {

  private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");
  private static final Pattern QUOTE_INTRO = Pattern.compile("(?i)^.*\\bwrote:\\s*$");

  private ProspectMail() {}

  static Map<String, String> read(InternetAddress sender, String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", sender.getAddress());
    PersonName.addTo(fields, sender.getPersonal());
    String message = withoutQuotedReply(text);
    SignatureBlock.addTo(fields, message);
    fields.put("message", message);
    return fields;
  }

  /** The thread below a reply is the sales team's own words, not the prospect's. */
  static String withoutQuotedReply(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (QUOTED.matcher(line).matches()) {
        // "On Mon, 3 Mar 2025, Bob <bob@...> wrote:" introduces the quote; drop it with it.
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
          kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty() && QUOTE_INTRO.matcher(kept.get(kept.size() - 1)).matches()) {
          kept.remove(kept.size() - 1);
        }
      } else {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip();
  }
}
