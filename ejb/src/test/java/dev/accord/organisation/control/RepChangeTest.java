package dev.accord.organisation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.rules.lead.Grade;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RepChangeTest {

  private static final Supplier<Set<String>> CALENDARS = () -> Set.of("emea", "americas");

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void onlyTheSettingsGivenChangeAndAGivenEmptyCapOrCalendarMeansNone() {
    Map<String, String> values = new HashMap<>();
    values.put("available", "false");
    values.put("max_open_leads", null);
    values.put("working_hours", null);

    RepChange change = read(values, null).orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(change.given()).containsOnly("available", "max_open_leads", "working_hours");
    assertThat(change.available()).isFalse();
    assertThat(change.active()).isNull();
    assertThat(change.gives("max_open_leads")).isTrue();
    assertThat(change.maxOpenLeads()).isNull();
    assertThat(change.gives("team")).isFalse();
  }

  @Test
  void aNewRepIsReadWithTeamZoneCalendarAndCapsPerGrade() {
    Map<String, String> caps = new LinkedHashMap<>();
    caps.put("A", "2");
    caps.put("B", null);

    RepChange change =
        read(
                Map.of(
                    "team", "emea",
                    "name", "Nora Lind",
                    "email", "nora.lind@accord.example",
                    "time_zone", "Europe/Stockholm",
                    "working_hours", "emea",
                    "weight", "2"),
                caps)
            .orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(change.team()).isEqualTo("emea");
    assertThat(change.timeZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    assertThat(change.workingHours()).isEqualTo("emea");
    assertThat(change.weight()).isEqualTo(2);
    assertThat(change.maxOpenLeadsByGrade().keySet()).containsExactly(Grade.A, Grade.B);
    assertThat(change.maxOpenLeadsByGrade().get(Grade.A)).isEqualTo(2);
    assertThat(change.maxOpenLeadsByGrade().get(Grade.B)).as("removes B's cap").isNull();
    assertThat(change.gives("max_open_leads_by_grade")).isTrue();
  }

  @Test
  void eachBadSettingIsNamedWithWhy() {
    Map<String, String> values = new HashMap<>();
    values.put("name", " ");
    values.put("email", "nora@");
    values.put("time_zone", "Mars/Olympus");
    values.put("working_hours", "night-shift");
    values.put("active", "no");
    values.put("max_open_leads", "0");
    values.put("weight", "heavy");
    Map<String, String> caps = new LinkedHashMap<>();
    caps.put("E", "1");
    caps.put("A", "-1");

    Optional<RepChange> change = read(values, caps);

    assertThat(change).isEmpty();
    assertThat(problems)
        .extracting(Problem::field, Problem::reason)
        .containsExactly(
            tuple("name", "is required: the rep's name, up to 100 characters"),
            tuple("email", "'nora@' is not an e-mail address such as ana@acme.com"),
            tuple("time_zone", "'Mars/Olympus' is not an IANA time zone such as Europe/Berlin"),
            tuple(
                "working_hours",
                "'night-shift' is not a business calendar of the live rulebook; known: americas,"
                    + " emea"),
            tuple("active", "must be true or false"),
            tuple("max_open_leads", "must be a whole number from 1 to 10000, or null for no cap"),
            tuple("weight", "must be a whole number (1 is a normal share)"),
            tuple("max_open_leads_by_grade.E", "is not a grade; use A, B, C or D"),
            tuple(
                "max_open_leads_by_grade.A",
                "must be a whole number from 0 to 10000, or null for no cap of this grade"));
  }

  @Test
  void aWeightOutOfRangeAndSettingsGivenEmptyThatCannotBeEmptyAreRefused() {
    Map<String, String> values = new HashMap<>();
    values.put("weight", "11");
    values.put("email", null);
    values.put("time_zone", "");
    values.put("available", null);
    values.put("max_open_leads", "99999999999999999999");

    read(values, null);

    assertThat(problems)
        .extracting(Problem::field, Problem::reason)
        .containsExactly(
            tuple("email", "is required: the address the rep's warnings go to"),
            tuple(
                "time_zone",
                "is required: the IANA time zone the rep works in, such as Europe/Lisbon"),
            tuple("available", "must be true or false"),
            tuple("max_open_leads", "must be a whole number from 1 to 10000, or null for no cap"),
            tuple("weight", "must be a whole number from 1 to 10 (1 is a normal share)"));
  }

  private Optional<RepChange> read(Map<String, String> values, Map<String, String> caps) {
    return RepChange.read(values, caps, CALENDARS, column -> column, problems);
  }
}
