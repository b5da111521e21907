package dev.accord.escalation.control;

import dev.accord.escalation.entity.Escalation.Content;
import dev.accord.leads.entity.Lead;
import dev.accord.organisation.entity.Team;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.sla.entity.BusinessDurations;
import dev.accord.sla.entity.PeriodCommitment;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
 * Writes what an escalation says, so that one read is enough to act: what was owed, by which side,
 * how late, where the time went, and a link; as e-mail (plain and HTML), a JSON event and a
 * Slack-compatible chat message.
 */
@ApplicationScoped
public class EscalationMessages {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);

  @Inject AccordSettings settings;

  @Inject LiveRulebook rulebook;

  /**
   * The facts every form of the message states, computed once per fired stage.
   *
   * @param event the JSON event without the list of people notified
   */
  record Facts(
      String headline,
      String subject,
      Map<String, String> lines,
      String link,
      boolean breach,
      JsonObject event) {}

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
      lines.put("Late", lateLine(fired.lateBy(), WHEN.format(fired.dueAt().atZone(zone))));
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
    JsonObjectBuilder event =
        Json.createObjectBuilder()
            .add("type", "sla." + fired.stage().eventName())
            .add("leadId", lead.getId().toString())
            .add("clockId", clock.getId().toString())
            .add("clock", clock.getName())
            .add("owner", clock.getOwner().name())
            .add("stage", fired.stage().eventName())
            .add("percent", fired.stage().percent())
            .add("dueAt", fired.dueAt().toString())
            .add("late", late)
            .add("lateByMs", fired.lateBy().toMillis())
            .add("repId", lead.getRep() == null ? "" : lead.getRep().getId())
            .add("teamId", lead.getTeam() == null ? "" : lead.getTeam().getId())
            .add("link", link);
    if (breach && clock.getBreachCause() != null) {
      event.add("cause", clock.getBreachCause().name());
    }
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
    return new Facts(headline, subject, lines, link, breach, event.build());
  }

  /** A lead nobody could take, waiting in a fallback queue for a person to route it. */
  Facts unownedFactsOf(Lead lead, String queue, String reason) {
    Lead.Contact contact = lead.getContact();
    String person =
        (nullToEmpty(contact.firstName()) + " " + nullToEmpty(contact.lastName())).strip();
    String who = person.isEmpty() ? contact.email() : person;
    String company = contact.company() == null ? "" : " (" + contact.company() + ")";
    String queueName = queue == null ? "the global queue" : "the " + queue + " queue";
    String headline =
        "Nobody could take the lead of " + who + company + "; it waits in " + queueName;
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put(
        "Lead",
        who
            + company
            + ", "
            + contact.email()
            + ", "
            + nullToEmpty(contact.country())
            + ", grade "
            + lead.getScore().grade());
    lines.put("Why", reason);
    lines.put("Queue", queue == null ? "global (no team)" : queue);
    lines.put(
        "What to do",
        "assign it by hand: POST /api/leads/" + lead.getId() + "/assignment {\"rep\", \"reason\"}");
    String link = settings.publicUrl() + "/api/leads/" + lead.getId();
    lines.put("Lead record", link);
    JsonObject event =
        Json.createObjectBuilder()
            .add("type", "routing.unowned")
            .add("leadId", lead.getId().toString())
            .add("queue", queue == null ? "global" : queue)
            .add("reason", reason)
            .add("grade", String.valueOf(lead.getScore().grade()))
            .add("link", link)
            .build();
    String subject = "[Accord] UNOWNED: " + who + company + " — waits in " + queueName;
    return new Facts(headline, subject, lines, link, true, event);
  }

  Facts factsOf(PeriodCommitment commitment, Team team, boolean late) {
    ZoneId zone = rulebook.calendar(commitment.getTeamId()).calendar().zone();
    String teamName = team == null ? commitment.getTeamId() : team.getName();
    String period = commitment.periodName(zone);
    String headline =
        commitment.owner()
            + " breached \""
            + commitment.title()
            + "\" for team "
            + teamName
            + " in "
            + period;
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("Commitment", commitment.title() + " for team " + teamName + ", " + period);
    lines.put("Owed by", commitment.owner().name());
    lines.put("Promised", commitment.describe(commitment.getPromised()));
    lines.put("Delivered", commitment.describe(commitment.getDelivered()));
    lines.put("Measured", commitment.getDetail());
    lines.put(
        "Period",
        WHEN.format(commitment.getPeriodStart().atZone(zone))
            + " to "
            + WHEN.format(commitment.getPeriodEnd().atZone(zone)));
    if (late) {
      lines.put(
          "Late",
          lateLine(commitment.getLate(), WHEN.format(commitment.getPeriodEnd().atZone(zone))));
    }
    String link =
        settings.publicUrl()
            + "/api/sla/scorecard?from="
            + commitment.getPeriodStart()
            + "&to="
            + commitment.getPeriodEnd();
    lines.put("Scorecard", link);
    JsonObject event =
        Json.createObjectBuilder()
            .add("type", "sla.commitment.breach")
            .add("commitmentId", commitment.getId().toString())
            .add("commitment", commitment.getKind().name())
            .add("owner", commitment.owner().name())
            .add("teamId", commitment.getTeamId())
            .add("periodStart", commitment.getPeriodStart().toString())
            .add("periodEnd", commitment.getPeriodEnd().toString())
            .add("promised", commitment.getPromised())
            .add("delivered", commitment.getDelivered())
            .add("late", late)
            .add("link", link)
            .build();
    String subject =
        "[Accord] BREACH: "
            + commitment.title()
            + " — team "
            + teamName
            + ", "
            + period
            + " — owed by "
            + commitment.owner();
    return new Facts(headline, subject, lines, link, true, event);
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
                            + (line.getValue().equals(facts.link())
                                ? "<a href=\""
                                    + escape(facts.link())
                                    + "\">"
                                    + escape(facts.link())
                                    + "</a>"
                                : escape(line.getValue()))
                            + "</td></tr>")
                .collect(Collectors.joining())
            + "</table><p>— Accord, enforcing the joint Sales and Marketing agreement</p>"
            + "</body></html>";
    return new Content(facts.subject(), text, html, null);
  }

  Content event(Facts facts, Collection<EscalationPlanner.Person> notified) {
    JsonArrayBuilder people = Json.createArrayBuilder();
    notified.forEach(
        person ->
            people.add(
                Json.createObjectBuilder()
                    .add("role", person.role())
                    .add("name", nullToEmpty(person.name()))
                    .add("email", person.email())));
    String json =
        Json.createObjectBuilder(facts.event()).add("notified", people).build().toString();
    return new Content(facts.subject(), facts.headline(), null, json);
  }

  Content chat(Facts facts) {
    String text =
        (facts.breach() ? ":rotating_light: " : ":warning: ")
            + "*"
            + facts.headline()
            + "*\n"
            + facts.lines().entrySet().stream()
                .map(line -> line.getKey() + ": " + line.getValue())
                .collect(Collectors.joining("\n"))
            + "\n<"
            + facts.link()
            + "|Open in Accord>";
    String json = Json.createObjectBuilder().add("text", text).build().toString();
    return new Content(facts.subject(), text, null, json);
  }

  private static String lateLine(Duration lateBy, String dueAt) {
    return "fired "
        + BusinessDurations.describe(lateBy)
        + " after it fell due at "
        + dueAt
        + ": Accord was not running then";
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
