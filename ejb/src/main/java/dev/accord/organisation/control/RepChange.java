package dev.accord.organisation.control;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.rules.lead.Grade;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a PUT or a row of an import says of a rep, checked: only the settings it gives change, and a
 * given setting left empty means "none" where that makes sense (no cap; the team's working hours)
 * and is an error where it does not (a name, a weight).
 *
 * @param given the settings given, by column name
 * @param maxOpenLeadsByGrade caps per grade to set, or to remove (null value)
 */
public record RepChange(
    Set<String> given,
    String team,
    String name,
    String email,
    ZoneId timeZone,
    String workingHours,
    Boolean active,
    Boolean available,
    Integer maxOpenLeads,
    Integer weight,
    Map<Grade, Integer> maxOpenLeadsByGrade) {

  /** The columns of an import. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "team",
          "name",
          "email",
          "time_zone",
          "working_hours",
          "active",
          "max_open_leads",
          "weight");

  /** What a new rep must be given: who they are, their team and where they work. */
  public static final List<String> TO_CREATE = List.of("team", "name", "email", "time_zone");

  /** No cap is larger than this. */
  public static final int MAX_CAP = 10_000;

  /** No rep weighs more than this many normal shares. */
  public static final int MAX_WEIGHT = 10;

  public RepChange {
    given = Set.copyOf(given);
    maxOpenLeadsByGrade =
        maxOpenLeadsByGrade == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maxOpenLeadsByGrade));
  }

  public boolean gives(String column) {
    return given.contains(column);
  }

  /**
   * Reads a change from the values given, by column name (a null value: given empty).
   *
   * @param capsByGrade the caps per grade given, by grade letter; null if none are
   * @param calendars the names of the live rulebook's business calendars, asked for only if needed
   * @param label the caller's name of a column: itself in an import, {@code timeZone} in JSON
   * @return the change, or empty if any value was wrong
   */
  public static Optional<RepChange> read(
      Map<String, String> values,
      Map<String, String> capsByGrade,
      Supplier<Set<String>> calendars,
      UnaryOperator<String> label,
      List<Problem> problems) {
    int before = problems.size();
    String team = null;
    if (values.containsKey("team")) {
      team =
          OrganisationValues.required(
              values.get("team"), 40, "the id of the rep's team", label.apply("team"), problems);
    }
    String name = null;
    if (values.containsKey("name")) {
      name =
          OrganisationValues.required(
              values.get("name"), 100, "the rep's name", label.apply("name"), problems);
    }
    String email = null;
    if (values.containsKey("email")) {
      email = OrganisationValues.email(values.get("email"), label.apply("email"), problems);
      if (blank(values.get("email"))) {
        problems.add(
            new Problem(label.apply("email"), "is required: the address the rep's warnings go to"));
      }
    }
    ZoneId zone = null;
    if (values.containsKey("time_zone")) {
      zone = OrganisationValues.zone(values.get("time_zone"), label.apply("time_zone"), problems);
      if (blank(values.get("time_zone"))) {
        problems.add(
            new Problem(
                label.apply("time_zone"),
                "is required: the IANA time zone the rep works in, such as Europe/Lisbon"));
      }
    }
    String workingHours =
        OrganisationValues.calendar(
            values.get("working_hours"), calendars, label.apply("working_hours"), problems);
    Boolean active = flag(values, "active", label, problems);
    Boolean available = flag(values, "available", label, problems);
    String capReason = "must be a whole number from 1 to " + MAX_CAP + ", or null for no cap";
    Integer cap =
        OrganisationValues.whole(
            values.get("max_open_leads"),
            1,
            MAX_CAP,
            capReason,
            capReason,
            label.apply("max_open_leads"),
            problems);
    Integer weight = null;
    if (values.containsKey("weight")) {
      String notANumber = "must be a whole number (1 is a normal share)";
      weight =
          OrganisationValues.whole(
              values.get("weight"),
              1,
              MAX_WEIGHT,
              notANumber,
              "must be a whole number from 1 to " + MAX_WEIGHT + " (1 is a normal share)",
              label.apply("weight"),
              problems);
      if (blank(values.get("weight"))) {
        problems.add(new Problem(label.apply("weight"), notANumber));
      }
    }
    Map<Grade, Integer> caps = new LinkedHashMap<>();
    if (capsByGrade != null) {
      String gradeReason =
          "must be a whole number from 0 to " + MAX_CAP + ", or null for no cap of this grade";
      for (Map.Entry<String, String> entry : capsByGrade.entrySet()) {
        String field = label.apply("max_open_leads_by_grade") + "." + entry.getKey();
        Optional<Grade> grade =
            java.util.Arrays.stream(Grade.values())
                .filter(g -> g.name().equals(entry.getKey()))
                .findFirst();
        if (grade.isEmpty()) {
          problems.add(new Problem(field, "is not a grade; use A, B, C or D"));
          continue;
        }
        caps.put(
            grade.get(),
            OrganisationValues.whole(
                entry.getValue(), 0, MAX_CAP, gradeReason, gradeReason, field, problems));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    Set<String> given = new java.util.HashSet<>(values.keySet());
    if (capsByGrade != null) {
      given.add("max_open_leads_by_grade");
    }
    return Optional.of(
        new RepChange(
            given, team, name, email, zone, workingHours, active, available, cap, weight, caps));
  }

  /**
   * Reads a row of an import, which gives every column: an empty {@code working_hours} is the
   * team's, an empty {@code max_open_leads} no cap, an empty {@code active} true and an empty
   * {@code weight} 1. Each problem is named with the row and the column.
   */
  static Optional<RepChange> read(
      CsvImport.Row row, Supplier<Set<String>> calendars, List<Problem> problems) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String column : COLUMNS.subList(1, COLUMNS.size())) {
      values.put(column, row.get(column));
    }
    if (values.get("active") == null) {
      values.put("active", "true");
    }
    if (values.get("weight") == null) {
      values.put("weight", "1");
    }
    return read(values, null, calendars, column -> row.where() + column, problems);
  }

  private static Boolean flag(
      Map<String, String> values,
      String column,
      UnaryOperator<String> label,
      List<Problem> problems) {
    if (!values.containsKey(column)) {
      return null;
    }
    Boolean flag = OrganisationValues.flag(values.get(column), label.apply(column), problems);
    if (blank(values.get(column))) {
      problems.add(new Problem(label.apply(column), "must be true or false"));
    }
    return flag;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
