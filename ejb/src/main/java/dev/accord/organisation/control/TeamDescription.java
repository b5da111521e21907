package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.Team.CatchUp;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * All that is said of a team, by a PUT or a row of an import, checked: a team is described whole,
 * so what is left out is "none" (no manager, no calendar: any hour) or the default (full catch-up).
 */
public record TeamDescription(
    String name,
    ZoneId timeZone,
    String managerName,
    String managerEmail,
    String workingHours,
    CatchUp catchUp,
    Integer catchUpLimit) {

  /** The columns of an import; the values of {@link #read} are keyed by them. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "time_zone",
          "manager_name",
          "manager_email",
          "working_hours",
          "catch_up",
          "catch_up_limit");

  /** The most leads a returning rep may receive ahead of the team under a capped catch-up. */
  public static final int MAX_CATCH_UP_LIMIT = 1000;

  /**
   * Reads a team from its values by column (null or blank: not given), noting each problem under
   * the field's name as the caller knows it.
   *
   * @param calendars the names of the live rulebook's business calendars, asked for only if needed
   * @param label the caller's name of a column: itself in an import, {@code timeZone} in JSON
   * @return the team, or empty if any value was wrong
   */
  public static Optional<TeamDescription> read(
      Map<String, String> values,
      Supplier<Set<String>> calendars,
      UnaryOperator<String> label,
      List<Problem> problems) {
    int before = problems.size();
    String name =
        OrganisationValues.required(
            values.get("name"), 100, "the team's name", label.apply("name"), problems);
    ZoneId zone =
        OrganisationValues.zone(values.get("time_zone"), label.apply("time_zone"), problems);
    if (blank(values.get("time_zone"))) {
      problems.add(
          new Problem(
              label.apply("time_zone"), "is required: an IANA time zone such as Europe/Berlin"));
    }
    String managerName =
        OrganisationValues.optional(
            values.get("manager_name"), 100, label.apply("manager_name"), problems);
    String managerEmail =
        OrganisationValues.email(
            values.get("manager_email"), label.apply("manager_email"), problems);
    if (blank(values.get("manager_name")) && !blank(values.get("manager_email"))) {
      problems.add(
          new Problem(label.apply("manager_name"), "is required with the manager's e-mail"));
    }
    if (!blank(values.get("manager_name")) && blank(values.get("manager_email"))) {
      problems.add(
          new Problem(
              label.apply("manager_email"),
              "is required with the manager's name: the address the team's warnings go to"));
    }
    String workingHours =
        OrganisationValues.calendar(
            values.get("working_hours"), calendars, label.apply("working_hours"), problems);
    CatchUp catchUp = CatchUp.FULL;
    boolean policyKnown = true;
    String policy = values.get("catch_up");
    if (!blank(policy)) {
      try {
        catchUp = CatchUp.valueOf(policy.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        policyKnown = false;
        problems.add(new Problem(label.apply("catch_up"), "must be FULL, CAPPED or NONE"));
      }
    }
    String limitText = values.get("catch_up_limit");
    Integer limit = null;
    String limitReason =
        "is required with the CAPPED policy: a whole number from 0 to " + MAX_CATCH_UP_LIMIT;
    if (catchUp == CatchUp.CAPPED) {
      limit =
          OrganisationValues.whole(
              limitText,
              0,
              MAX_CATCH_UP_LIMIT,
              limitReason,
              limitReason,
              label.apply("catch_up_limit"),
              problems);
      if (blank(limitText)) {
        problems.add(new Problem(label.apply("catch_up_limit"), limitReason));
      }
    } else if (policyKnown && !blank(limitText)) {
      problems.add(
          new Problem(
              label.apply("catch_up_limit"),
              "applies to the CAPPED policy only; leave it out with " + catchUp));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new TeamDescription(name, zone, managerName, managerEmail, workingHours, catchUp, limit));
  }

  /** Reads a row of an import, each problem named with the row and the column. */
  static Optional<TeamDescription> read(
      CsvImport.Row row, Supplier<Set<String>> calendars, List<Problem> problems) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    COLUMNS.forEach(column -> values.put(column, row.get(column)));
    return read(values, calendars, column -> row.where() + column, problems);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
