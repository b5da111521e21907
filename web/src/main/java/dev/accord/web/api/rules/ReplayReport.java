package dev.accord.web.api.rules;

import dev.accord.routing.control.RoutingReplay;
import dev.accord.routing.control.RoutingReplay.Shift;
import dev.accord.routing.control.RoutingReplay.Standing;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A replay as a report a sales-ops person reads (Markdown: tables render in most tools). */
final class ReplayReport {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ReplayReport() {}

  static String of(RoutingReplay.Replay replay) {
    StringBuilder out = new StringBuilder();
    out.append("# What rulebook ").append(replay.candidateVersion()).append(" would have done\n\n");
    out.append(replay.source() == null ? "Leads" : "Leads with source " + replay.source())
        .append(" received from ")
        .append(DAY.format(replay.from()))
        .append(" to ")
        .append(DAY.format(replay.to()))
        .append(": **")
        .append(replay.leads())
        .append("**")
        .append(replay.truncated() ? " (the first " + replay.leads() + " only)" : "")
        .append(". Nothing was changed; each lead was decided again with the candidate.\n\n");
    out.append("- Would change hands: **")
        .append(replay.wouldChangeHands())
        .append("** (")
        .append(percent(replay.wouldChangeHands(), replay.leads()))
        .append(")\n");
    out.append("- Would change team: ").append(replay.wouldChangeTeam()).append('\n');
    out.append("- Would change grade: ").append(replay.wouldChangeGrade()).append('\n');
    if (!replay.failedScenarios().isEmpty()) {
      out.append("- **Fails ")
          .append(replay.failedScenarios().size())
          .append(" scenario(s)**; it would not be published unless forced:\n");
      replay
          .failedScenarios()
          .forEach(
              p ->
                  out.append("  - ")
                      .append(p.file())
                      .append(':')
                      .append(p.line())
                      .append(' ')
                      .append(p.reason())
                      .append('\n'));
    }
    table(out, "Teams", "Team", replay.teams());
    table(out, "Grades", "Grade", replay.grades());
    table(out, "Reps", "Rep", replay.reps());
    if (!replay.examples().isEmpty()) {
      out.append("\n## Leads that would change hands");
      if (replay.examples().size() < replay.wouldChangeHands()) {
        out.append(" (first ").append(replay.examples().size()).append(")");
      }
      out.append("\n\n| Lead | Company | Country | Now | With the candidate | Routing rule |\n");
      out.append("|---|---|---|---|---|---|\n");
      for (RoutingReplay.Change change : replay.examples()) {
        out.append("| ")
            .append(change.lead())
            .append(" | ")
            .append(cell(change.company()))
            .append(" | ")
            .append(cell(change.country()))
            .append(" | ")
            .append(standing(change.now()))
            .append(" | ")
            .append(standing(change.withCandidate()))
            .append(" | ")
            .append(cell(change.rule()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static void table(
      StringBuilder out, String title, String column, Map<String, Shift> shifts) {
    out.append("\n## ").append(title).append("\n\n");
    out.append("| ").append(column).append(" | Now | With the candidate | Change |\n");
    out.append("|---|---:|---:|---:|\n");
    shifts.forEach(
        (value, shift) ->
            out.append("| ")
                .append(cell(value))
                .append(" | ")
                .append(shift.now())
                .append(" | ")
                .append(shift.withCandidate())
                .append(" | ")
                .append(String.format(Locale.ROOT, "%+d", shift.withCandidate() - shift.now()))
                .append(" |\n"));
  }

  private static String standing(Standing standing) {
    return "grade " + standing.grade() + ", " + cell(standing.team()) + ", " + cell(standing.rep());
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  // A table cell holds no line break and no column separator.
  private static String cell(String value) {
    return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").replace("|", "\\|");
  }
}
