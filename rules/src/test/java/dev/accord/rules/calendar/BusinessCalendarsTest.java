package dev.accord.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.rules.RulebookProblem;
import dev.accord.rules.RulebookRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Calendar files as a sales-ops person writes them, and what they are told when one is wrong. */
class BusinessCalendarsTest {

  @Test
  void demoRulebookHasTheEmeaAndAmericasTeamsAndAroundTheClock() throws Exception {
    BusinessCalendars calendars = BusinessCalendars.parse(demoCalendarFiles());

    assertThat(calendars.names()).containsExactly("americas", "around-the-clock", "emea");
    BusinessCalendar emea = calendars.find("emea").orElseThrow();
    assertThat(emea.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(emea.hours(DayOfWeek.MONDAY))
        .containsExactly(
            WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(12, 30)),
            WorkingHours.of(LocalTime.of(13, 30), LocalTime.of(18, 0)));
    assertThat(emea.hours(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(emea.holidays()).hasSize(22).contains(LocalDate.parse("2027-12-31"));
    assertThat(calendars.find("americas").orElseThrow().holidays()).hasSize(23);
    assertThat(calendars.find("around-the-clock").orElseThrow().hours(DayOfWeek.SUNDAY))
        .containsExactly(WorkingHours.untilMidnight(LocalTime.MIDNIGHT));
  }

  @Test
  void leadReachingEmeaJustBeforeClosingOnTheDayBeforeChristmasEveIsDueTheMondayAfter()
      throws Exception {
    BusinessCalendar emea = BusinessCalendars.parse(demoCalendarFiles()).find("emea").orElseThrow();

    Instant due = emea.plus(local("2026-12-23T17:50", "Europe/Berlin"), Duration.ofMinutes(15));

    assertThat(due).isEqualTo(local("2026-12-28T09:05", "Europe/Berlin"));
  }

  @Test
  void leadReachingTheAmericasTeamTheAfternoonBeforeThanksgivingIsDueFridayMorning()
      throws Exception {
    BusinessCalendar americas =
        BusinessCalendars.parse(demoCalendarFiles()).find("americas").orElseThrow();

    Instant due = americas.plus(local("2026-11-25T16:30", "America/Chicago"), Duration.ofHours(1));

    assertThat(due).isEqualTo(local("2026-11-27T08:30", "America/Chicago"));
  }

  @Test
  void rulebookWithoutCalendarFilesStillHasAroundTheClock() throws Exception {
    BusinessCalendars calendars = BusinessCalendars.parse(Map.of());

    assertThat(calendars.names()).containsExactly("around-the-clock");
    assertThat(calendars.find("around-the-clock").orElseThrow().isWorkingAt(Instant.EPOCH))
        .isTrue();
    assertThat(calendars.find("emea")).isEmpty();
  }

  @Test
  void fileCalledAroundTheClockReplacesTheBuiltInOne() throws Exception {
    BusinessCalendars calendars =
        BusinessCalendars.parse(
            files(
                "calendars/around-the-clock.yaml",
                """
                zone: Europe/Berlin
                hours:
                  monday: [09:00-17:00]
                """));

    BusinessCalendar replaced = calendars.find("around-the-clock").orElseThrow();
    assertThat(replaced.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(replaced.hours(DayOfWeek.TUESDAY)).isEmpty();
  }

  @Test
  void dayNamesMayBeWrittenInAnyCaseAndAnEmptyDayIsNotWorked() throws Exception {
    BusinessCalendar team =
        BusinessCalendars.parse(
                files(
                    "calendars/team.yaml",
                    """
                    zone: America/Chicago
                    hours:
                      Monday: [ 9:00 - 12:00 , '13:00-17:00']
                      TUESDAY: [18:00-24:00]
                      wednesday: []
                      thursday:
                    holidays: [2026-07-03]
                    """))
            .find("team")
            .orElseThrow();

    assertThat(team.hours(DayOfWeek.MONDAY))
        .containsExactly(
            WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            WorkingHours.of(LocalTime.of(13, 0), LocalTime.of(17, 0)));
    assertThat(team.hours(DayOfWeek.TUESDAY))
        .containsExactly(WorkingHours.untilMidnight(LocalTime.of(18, 0)));
    assertThat(team.hours(DayOfWeek.WEDNESDAY)).isEmpty();
    assertThat(team.hours(DayOfWeek.THURSDAY)).isEmpty();
    assertThat(team.holidays()).containsExactly(LocalDate.parse("2026-07-03"));
  }

  @Test
  void everyProblemInEveryFileIsReportedAtOnceWithFileLineAndSetting() {
    RulebookRejectedException rejected =
        catchThrowableOfType(
            RulebookRejectedException.class,
            () ->
                BusinessCalendars.parse(
                    files(
                        "calendars/emea.yaml",
                        """
                        # EMEA
                        zone: Europe/Berln
                        hours:
                          monday: [9:00-25:00, 09:00-14:00, 13:30-18:00]
                          tuesday: 09:00-18:00
                          funday: [10:00-11:00]
                          friday: [18:00-09:00]
                        holidays:
                          - 2026-12-25
                          - 2026-13-01
                          - 20261225
                        timezone: Europe/Berlin
                        """,
                        "calendars/americas.yaml",
                        """
                        hours:
                          monday: []
                        """)));

    assertThat(rejected.problems())
        .containsExactly(
            new RulebookProblem(
                "calendars/americas.yaml",
                0,
                "zone: missing; give the team's time zone, such as zone: Europe/Berlin"),
            new RulebookProblem(
                "calendars/americas.yaml",
                1,
                "hours: no working hours on any day, so no deadline could ever be reached; list"
                    + " the days the team works, such as monday: [09:00-12:30, 13:30-18:00]"),
            new RulebookProblem(
                "calendars/emea.yaml",
                2,
                "zone: 'Europe/Berln' is not an IANA time zone such as Europe/Berlin"),
            new RulebookProblem(
                "calendars/emea.yaml",
                4,
                "hours.monday: '9:00-25:00' is not a time range like 09:00-17:30"),
            new RulebookProblem(
                "calendars/emea.yaml", 4, "hours.monday: 13:30-18:00 overlaps 09:00-14:00"),
            new RulebookProblem(
                "calendars/emea.yaml",
                5,
                "hours.tuesday: write the hours as a list in square brackets, such as"
                    + " [09:00-12:30, 13:30-18:00]"),
            new RulebookProblem(
                "calendars/emea.yaml",
                6,
                "hours: 'funday' is not a day of the week; use monday, tuesday, … sunday"),
            new RulebookProblem(
                "calendars/emea.yaml",
                7,
                "hours.friday: '18:00-09:00' does not end after it starts; hours cannot run past"
                    + " midnight, so end this day at 24:00 and start the next day at 00:00"),
            new RulebookProblem(
                "calendars/emea.yaml", 10, "holidays: '2026-13-01' is not a date like 2026-12-25"),
            new RulebookProblem(
                "calendars/emea.yaml", 11, "holidays: '20261225' is not a date like 2026-12-25"),
            new RulebookProblem(
                "calendars/emea.yaml",
                12,
                "'timezone' is not a calendar setting; the settings are zone, hours and"
                    + " holidays"));
    assertThat(rejected)
        .hasMessageContaining(
            "calendars/emea.yaml:2: zone: 'Europe/Berln' is not an IANA time zone");
  }

  @Test
  void zoneInTheWrongCaseIsRefusedWithTheRightSpelling() {
    RulebookRejectedException rejected =
        catchThrowableOfType(
            RulebookRejectedException.class,
            () ->
                BusinessCalendars.parse(
                    files(
                        "calendars/emea.yaml",
                        "zone: europe/berlin\nhours: {monday: [09:00-17:00]}\n")));

    assertThat(rejected.problems())
        .containsExactly(
            new RulebookProblem(
                "calendars/emea.yaml",
                1,
                "zone: 'europe/berlin' is not an IANA time zone such as Europe/Berlin; did you"
                    + " mean Europe/Berlin?"));
  }

  @Test
  void brokenYamlIsReportedAtTheLineAtFaultAlongsideProblemsInOtherFiles() {
    RulebookRejectedException rejected =
        catchThrowableOfType(
            RulebookRejectedException.class,
            () ->
                BusinessCalendars.parse(
                    files(
                        "calendars/apac.yaml",
                        """
                        zone: Asia/Tokyo
                        hours:
                        \tmonday: [09:00-18:00]
                        """,
                        "calendars/emea.yaml",
                        """
                        zone: Europe/Berlin
                        hours:
                          monday: [09:00-17:00]
                        holidays: [2026-02-30]
                        """)));

    assertThat(rejected.problems())
        .extracting(RulebookProblem::file, RulebookProblem::line)
        .containsExactly(tuple("calendars/apac.yaml", 3), tuple("calendars/emea.yaml", 4));
    assertThat(rejected.problems().get(0).reason())
        .startsWith("this line is not valid YAML (")
        .contains("TAB");
    assertThat(rejected.problems().get(1).reason())
        .isEqualTo("holidays: '2026-02-30' is not a date like 2026-12-25");
  }

  @Test
  void fileThatIsNotACalendarOrNamedWrongIsRefused() {
    RulebookRejectedException rejected =
        catchThrowableOfType(
            RulebookRejectedException.class,
            () ->
                BusinessCalendars.parse(
                    files(
                        "calendars/emea.yml",
                        "zone: Europe/Berlin\n",
                        "calendars/empty.yaml",
                        "# nothing yet\n",
                        "calendars/list.yaml",
                        "- zone: Europe/Berlin\n",
                        "calendars/apac/emea.yaml",
                        "zone: Asia/Tokyo\nhours: {monday: [09:00-17:00]}\n",
                        "calendars/emea.yaml",
                        "zone: Europe/Berlin\nhours: {monday: [09:00-17:00]}\n")));

    assertThat(rejected.problems())
        .containsExactly(
            new RulebookProblem(
                "calendars/emea.yaml",
                0,
                "there is already a calendar called emea in calendars/apac/emea.yaml; rename one"
                    + " of the files"),
            new RulebookProblem(
                "calendars/emea.yml",
                0,
                "a calendar file is named after its calendar and ends in .yaml, such as"
                    + " calendars/emea.yaml"),
            new RulebookProblem(
                "calendars/empty.yaml",
                0,
                "the file is empty; a calendar needs at least zone and hours"),
            new RulebookProblem(
                "calendars/list.yaml",
                1,
                "a calendar is a list of settings, one per line, such as zone: Europe/Berlin"));
  }

  @Test
  void valueRepeatedWithAYamlAliasIsRefusedRatherThanMisread() {
    RulebookRejectedException rejected =
        catchThrowableOfType(
            RulebookRejectedException.class,
            () ->
                BusinessCalendars.parse(
                    files(
                        "calendars/emea.yaml",
                        """
                        zone: Europe/Berlin
                        hours:
                          monday: [&day 09:00-17:00]
                          tuesday: [*day]
                        """)));

    assertThat(rejected.problems())
        .containsExactly(
            new RulebookProblem(
                "calendars/emea.yaml",
                4,
                "hours.tuesday: '*day' is a YAML alias; write the value itself here"));
  }

  private static Map<String, byte[]> demoCalendarFiles() throws IOException {
    Path rulebook = Path.of(System.getProperty("accord.rulebook.dir", "rulebook")).toAbsolutePath();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(rulebook.resolve("calendars"))) {
      for (Path file : paths.toList()) {
        files.put("calendars/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static Map<String, byte[]> files(String... pathsAndContents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static Instant local(String localDateTime, String zone) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
  }
}
