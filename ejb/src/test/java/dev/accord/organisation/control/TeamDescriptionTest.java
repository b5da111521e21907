package dev.accord.organisation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.organisation.control.InvalidOrganisationException.Problem;
import dev.accord.organisation.entity.Team.CatchUp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TeamDescriptionTest {

  private static final Supplier<Set<String>> CALENDARS =
      () -> Set.of("emea", "americas", "around-the-clock");

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void aTeamWithOnlyANameAndATimeZoneHasNoManagerWorksAnyHourAndCatchesUpFully() {
    Optional<TeamDescription> team =
        read(Map.of("name", " Nordics ", "time_zone", "Europe/Stockholm"));

    assertThat(problems).isEmpty();
    assertThat(team)
        .contains(
            new TeamDescription(
                "Nordics", ZoneId.of("Europe/Stockholm"), null, null, null, CatchUp.FULL, null));
  }

  @Test
  void aCappedCatchUpKeepsItsLimitAndACalendarOfTheRulebookIsTaken() {
    Optional<TeamDescription> team =
        read(
            Map.of(
                "name", "EMEA",
                "time_zone", "Europe/Berlin",
                "manager_name", "Elena Fischer",
                "manager_email", "elena.fischer@accord.example",
                "working_hours", "emea",
                "catch_up", "capped",
                "catch_up_limit", "3"));

    assertThat(problems).isEmpty();
    assertThat(team)
        .contains(
            new TeamDescription(
                "EMEA",
                ZoneId.of("Europe/Berlin"),
                "Elena Fischer",
                "elena.fischer@accord.example",
                "emea",
                CatchUp.CAPPED,
                3));
  }

  @Test
  void everyBadColumnOfARowIsNamedWithTheRowAndWhy() {
    Map<String, String> row = new HashMap<>();
    row.put("name", "");
    row.put("time_zone", "Europe/Atlantis");
    row.put("manager_email", "elena at accord");
    row.put("working_hours", "moon");
    row.put("catch_up", "CAPPED");
    row.put("catch_up_limit", "1001");

    Optional<TeamDescription> team =
        TeamDescription.read(row, CALENDARS, column -> "row 3: " + column, problems);

    assertThat(team).isEmpty();
    assertThat(problems)
        .extracting(Problem::field, Problem::reason)
        .containsExactly(
            tuple("row 3: name", "is required: the team's name, up to 100 characters"),
            tuple(
                "row 3: time_zone",
                "'Europe/Atlantis' is not an IANA time zone such as Europe/Berlin"),
            tuple(
                "row 3: manager_email",
                "'elena at accord' is not an e-mail address such as ana@acme.com"),
            tuple("row 3: manager_name", "is required with the manager's e-mail"),
            tuple(
                "row 3: working_hours",
                "'moon' is not a business calendar of the live rulebook; known: americas,"
                    + " around-the-clock, emea"),
            tuple(
                "row 3: catch_up_limit",
                "is required with the CAPPED policy: a whole number from 0 to 1000"));
  }

  @Test
  void aLimitWithoutTheCappedPolicyAndAnUnknownPolicyAreRefused() {
    read(Map.of("name", "A", "time_zone", "UTC", "catch_up", "NONE", "catch_up_limit", "2"));
    read(Map.of("name", "B", "time_zone", "UTC", "catch_up", "SOMETIMES"));
    read(Map.of("name", "C"));

    assertThat(problems)
        .extracting(Problem::field, Problem::reason)
        .containsExactly(
            tuple("catch_up_limit", "applies to the CAPPED policy only; leave it out with NONE"),
            tuple("catch_up", "must be FULL, CAPPED or NONE"),
            tuple("time_zone", "is required: an IANA time zone such as Europe/Berlin"));
  }

  @Test
  void theRulebookIsNotAskedForCalendarsWhenNoneIsNamed() {
    Optional<TeamDescription> team =
        TeamDescription.read(
            Map.of("name", "EMEA", "time_zone", "Europe/Berlin"),
            () -> {
              throw new AssertionError("the calendars were read");
            },
            column -> column,
            problems);

    assertThat(team).isPresent();
  }

  private Optional<TeamDescription> read(Map<String, String> values) {
    return TeamDescription.read(values, CALENDARS, column -> column, problems);
  }
}
