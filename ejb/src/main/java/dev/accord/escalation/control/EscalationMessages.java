package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation.Content;
import dev.accord.leads.entity.Lead;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.sla.entity.BusinessDurations;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what an escalation says, so that one read is enough to act: the lead, the clock, who owed
 * what, how late, where the time went, and a link to the lead; as e-mail (plain and HTML), a JSON
 * event and a Slack-compatible chat message.
 */
@ApplicationScoped
public class EscalationMessages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);

  @Inject AccordSettings settings;

  @Inject LiveRulebook rulebook;

  /** The facts every form of the message states, computed once per fired stage. */
  record Facts(
      String headline,
      String subject,
      Map<String, String> lines,
      SlaClock clock,
      Lead lead,
      SlaClock.FiredStage fired,
      boolean late,
      String link) {}

  Facts factsOf(SlaClock clock, Lead lead, SlaClock.FiredStage fired, boolean late) {
    // Times as the team reads them, even for a clock that counts around the clock.
    ZoneId zone =
        rulebook
            .calendar(clock.getTeamId() == null ? clock.getCalendar() : clock.getTeamId())
            .calendar()
            .zone();
    Lead.Contact contact = lead.getContact();
    String person =
        (nullToEmpty(contact.firstName()) + " " + nullToEmpty(contact.lastName())).strip();
    String who = person.isEmpty() ? contact.email() : person;
    String company = contact.company() == null ? "" : " (" + contact.company() + ")";
    boolean breach = fired.stage().isBreach();
    String what = breach ? "BREACH" : "Warning " + fired.stage().percent() + " %";
    String owner =
        lead.getRep() == null ? "nobody (no rep took the lead)" : lead.getRep().getName();
    String headline =
        breach
            ? clock.getOwner() + " breached \"" + clock.getName() + "\" for " + who + company
            : clock.getOwner()
                + " has used "
                + fired.stage().percent()
                + " % of \""
                + clock.getName()
                + "\" for "
                + who
                + company;
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put(
        "Lead", who + company + ", " + contact.email() + ", grade " + lead.getScore().grade());
    lines.put("Clock", clock.getName() + " — " + clock.getTermRule());
    lines.put("Owed by", clock.getOwner() + ", owner " + owner);
    lines.put(
        "Target",
        BusinessDurations.describe(clock.target())
            + " of business time ("
            + clock.getCalendar()
            + " calendar)");
    lines.put("Started", WHEN.format(clock.getStartedAt().atZone(zone)));
    lines.put("Due", WHEN.format(clock.getDueAt().atZone(zone)));
    if (late) {
      lines.put(
          "Late",
          "fired "
              + BusinessDurations.describe(fired.lateBy())
              + " after it fell due at "
              + WHEN.format(fired.dueAt().atZone(zone))
              + ": Accord was not running then");
    }
    if (breach && clock.getBreachCause() != null) {
      lines.put("Cause", clock.getBreachCause().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      lines.put(
          "Where the time went",
          "intake "
              + describe(clock.getIntake())
              + ", waiting for an owner "
              + describe(clock.getWaitingForOwner())
              + ", with the owner "
              + describe(clock.getWithOwner()));
    }
    String link = settings.publicUrl() + "/api/leads/" + lead.getId();
    lines.put("Lead record", link);
    String subject =
        "[Accord] "
            + what
            + ": "
            + clock.getName()
            + " — "
            + who
            + company
            + " — owed by "
            + clock.getOwner();
    return new Facts(headline, subject, lines, clock, lead, fired, late, link);
  }

  Content email(Facts facts, String recipientName) {
    String greeting = "Hello " + (recipientName == null ? "" : recipientName) + ",";
    String text =
        greeting
            + "\n\n"
            + facts.headline()
            + ".\n\n"
            + facts.lines().entrySet().stream()
                .map(line -> line.getKey() + ": " + line.getValue())
                .collect(Collectors.joining("\n"))
            + "\n\n— Accord, enforcing the joint Sales and Marketing agreement\n";
    String html =
        "<html><body style=\"font-family:sans-serif\"><p>"
            + escape(greeting)
            + "</p><p><strong>"
            + escape(facts.headline())
            + ".</strong></p><table cellpadding=\"4\">"
            + facts.lines().entrySet().stream()
                .map(
                    line ->
                        "<tr><th align=\"left\">"
                            + escape(line.getKey())
                            + "</th><td>"
                            + (line.getKey().equals("Lead record")
                                ? "<a href=\""
                                    + escape(facts.link())
                                    + "\">"
                                    + escape(facts.link())
                                    + "</a>"
                                : escape(line.getValue()))
                            + "</td></tr>")
                .collect(Collectors.joining())
            + "</table><p>— Accord, enforcing the joint Sales and Marketing agreement</p></body></html>";
    return new Content(facts.subject(), text, html, null);
  }

  Content event(Facts facts, Collection<EscalationPlanner.Person> notified) {
    SlaClock clock = facts.clock();
    JsonArrayBuilder people = Json.createArrayBuilder();
    notified.forEach(
        person ->
            people.add(
                Json.createObjectBuilder()
                    .add("role", person.role())
                    .add("name", nullToEmpty(person.name()))
                    .add("email", person.email())));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", "sla." + facts.fired().stage().eventName())
            .add("leadId", facts.lead().getId().toString())
            .add("clockId", clock.getId().toString())
            .add("clock", clock.getName())
            .add("owner", clock.getOwner().name())
            .add("stage", facts.fired().stage().eventName())
            .add("percent", facts.fired().stage().percent())
            .add("dueAt", facts.fired().dueAt().toString())
            .add("late", facts.late())
            .add("lateByMs", facts.fired().lateBy().toMillis())
            .add("repId", facts.lead().getRep() == null ? "" : facts.lead().getRep().getId())
            .add("teamId", facts.lead().getTeam() == null ? "" : facts.lead().getTeam().getId())
            .add("notified", people)
            .add("link", facts.link());
    if (clock.getBreachCause() != null && facts.fired().stage().isBreach()) {
      json.add("cause", clock.getBreachCause().name());
    }
    return new Content(facts.subject(), facts.headline(), null, json.build().toString());
  }

  Content chat(Facts facts) {
    String text =
        (facts.fired().stage().isBreach() ? ":rotating_light: " : ":warning: ")
            + "*"
            + facts.headline()
            + "*\n"
            + facts.lines().entrySet().stream()
                .map(line -> line.getKey() + ": " + line.getValue())
                .collect(Collectors.joining("\n"))
            + "\n<"
            + facts.link()
            + "|Open the lead>";
    String json = Json.createObjectBuilder().add("text", text).build().toString();
    return new Content(facts.subject(), text, null, json);
  }

  private static String describe(Duration duration) {
    return duration == null ? "unknown" : BusinessDurations.describe(duration);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
