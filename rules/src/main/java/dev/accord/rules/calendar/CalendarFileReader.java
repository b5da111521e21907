package dev.accord.rules.calendar;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.accord.rules.RulebookProblem;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one calendar file from Jackson's YAML token stream rather than a tree, because only the
 * stream knows the line of each value, and a business user fixing a file needs the line. Every
 * problem found is added to the shared list; reading goes on after a problem so that all of them
 * are reported at once.
 */
final class CalendarFileReader {

  private static final YAMLFactory YAML = new YAMLFactory();

  // Lenient on "9:00" and spaces around the dash; the numbers are range-checked afterwards.
  private static final Pattern TIME_RANGE =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

  private static final String TIME_RANGE_EXAMPLE = "09:00-17:30";
  private static final String DATE_EXAMPLE = "2026-12-25";
  private static final String DAY_HOURS_EXAMPLE = "[09:00-12:30, 13:30-18:00]";
  private static final String DAY_EXAMPLE = "monday: " + DAY_HOURS_EXAMPLE;
  private static final String SETTINGS = "zone, hours and holidays";
  private static final String AFTER_MIDNIGHT =
      "hours cannot run past midnight, so end this day at 24:00 and start the next day at 00:00";

  private final String file;
  private final List<RulebookProblem> problems;

  private ZoneId zone;
  private final Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
  private final Set<LocalDate> holidays = new HashSet<>();

  CalendarFileReader(String file, List<RulebookProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The calendar, or empty when the file has problems, which are then in the shared list. */
  Optional<BusinessCalendar> read(String name, byte[] content) {
    int problemsBefore = problems.size();
    try (YAMLParser parser = YAML.createParser(content)) {
      readCalendar(parser);
    } catch (IOException e) {
      // Nothing after a syntax error can be trusted, but what was found before it still stands.
      problem(syntaxErrorLine(e), syntaxError(e));
    }
    if (problems.size() > problemsBefore) {
      return Optional.empty();
    }
    return Optional.of(new BusinessCalendar(name, zone, hours, holidays));
  }

  private void readCalendar(YAMLParser parser) throws IOException {
    if (parser.nextToken() == null) {
      problem(0, "the file is empty; a calendar needs at least zone and hours");
      return;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problem(
          line(parser),
          "a calendar is a list of settings, one per line, such as zone: Europe/Berlin");
      return;
    }
    Set<String> settings = new HashSet<>();
    int hoursLine = 0;
    int hoursProblems = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String setting = parser.currentName();
      int line = line(parser);
      parser.nextToken();
      if (!settings.add(setting)) {
        problem(line, setting + ": given twice; keep one");
        parser.skipChildren();
        continue;
      }
      switch (setting) {
        case "zone" -> readZone(parser);
        case "hours" -> {
          hoursLine = line;
          int before = problems.size();
          readHours(parser);
          hoursProblems = problems.size() - before;
        }
        case "holidays" -> readHolidays(parser);
        default -> {
          problem(
              line, "'" + setting + "' is not a calendar setting; the settings are " + SETTINGS);
          parser.skipChildren();
        }
      }
    }
    if (parser.nextToken() != null) {
      problem(
          line(parser),
          "a calendar file holds one calendar; remove everything from the second '---' on");
    }
    if (!settings.contains("zone")) {
      problem(0, "zone: missing; give the team's time zone, such as zone: Europe/Berlin");
    }
    if (!settings.contains("hours")) {
      problem(0, "hours: missing; list the days the team works, such as " + DAY_EXAMPLE);
    } else if (hoursProblems == 0 && hours.values().stream().allMatch(List::isEmpty)) {
      problem(
          hoursLine,
          "hours: no working hours on any day, so no deadline could ever be reached; list the"
              + " days the team works, such as "
              + DAY_EXAMPLE);
    }
  }

  private void readZone(YAMLParser parser) throws IOException {
    int line = line(parser);
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      problem(line, "zone: empty; give the team's time zone, such as Europe/Berlin");
      return;
    }
    String text = scalar(parser, "zone", "Europe/Berlin");
    if (text == null) {
      return;
    }
    // Only region names: a fixed offset such as +01:00 would silently ignore summer time.
    Set<String> known = ZoneId.getAvailableZoneIds();
    if (known.contains(text)) {
      zone = ZoneId.of(text);
      return;
    }
    String suggestion =
        known.stream()
            .filter(id -> id.equalsIgnoreCase(text))
            .findFirst()
            .map(id -> "; did you mean " + id + "?")
            .orElse("");
    problem(
        line, "zone: '" + text + "' is not an IANA time zone such as Europe/Berlin" + suggestion);
  }

  private void readHours(YAMLParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      problem(line(parser), "hours: give each working day its own line, such as " + DAY_EXAMPLE);
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String dayName = parser.currentName();
      int line = line(parser);
      parser.nextToken();
      Optional<DayOfWeek> day = dayOfWeek(dayName);
      if (day.isEmpty()) {
        problem(
            line,
            "hours: '" + dayName + "' is not a day of the week; use monday, tuesday, … sunday");
        parser.skipChildren();
        continue;
      }
      String field = "hours." + day.get().name().toLowerCase(Locale.ROOT);
      if (hours.containsKey(day.get())) {
        problem(line, field + ": given twice; keep one line per day");
        parser.skipChildren();
        continue;
      }
      hours.put(day.get(), readDay(parser, field));
    }
  }

  private List<WorkingHours> readDay(YAMLParser parser, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problem(
          line(parser),
          field + ": write the hours as a list in square brackets, such as " + DAY_HOURS_EXAMPLE);
      parser.skipChildren();
      return List.of();
    }
    record Entry(WorkingHours hours, int line) {}
    List<Entry> entries = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = line(parser);
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        problem(line, field + ": an empty entry; write a time range like " + TIME_RANGE_EXAMPLE);
        continue;
      }
      String text = scalar(parser, field, TIME_RANGE_EXAMPLE);
      if (text != null) {
        timeRange(text, field, line).ifPresent(range -> entries.add(new Entry(range, line)));
      }
    }
    entries.sort(Comparator.comparing(entry -> entry.hours().start()));
    for (int i = 1; i < entries.size(); i++) {
      Entry later = entries.get(i);
      for (Entry earlier : entries.subList(0, i)) {
        if (later.hours().overlaps(earlier.hours())) {
          problem(later.line(), field + ": " + later.hours() + " overlaps " + earlier.hours());
        }
      }
    }
    return entries.stream().map(Entry::hours).toList();
  }

  private Optional<WorkingHours> timeRange(String text, String field, int line) {
    Matcher range = TIME_RANGE.matcher(text.strip());
    if (!range.matches()) {
      return notATimeRange(text, field, line);
    }
    LocalTime start = clockTime(range.group(1), range.group(2));
    boolean untilMidnight = range.group(3).equals("24") && range.group(4).equals("00");
    LocalTime end = untilMidnight ? LocalTime.MIDNIGHT : clockTime(range.group(3), range.group(4));
    if (start == null || end == null) {
      return notATimeRange(text, field, line);
    }
    if (untilMidnight) {
      return Optional.of(WorkingHours.untilMidnight(start));
    }
    if (!start.isBefore(end)) {
      problem(line, field + ": '" + text + "' does not end after it starts; " + AFTER_MIDNIGHT);
      return Optional.empty();
    }
    return Optional.of(WorkingHours.of(start, end));
  }

  private Optional<WorkingHours> notATimeRange(String text, String field, int line) {
    problem(line, field + ": '" + text + "' is not a time range like " + TIME_RANGE_EXAMPLE);
    return Optional.empty();
  }

  private void readHolidays(YAMLParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      problem(line(parser), "holidays: list one date per line, such as - " + DATE_EXAMPLE);
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = line(parser);
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        problem(line, "holidays: an empty entry; write a date like " + DATE_EXAMPLE);
        continue;
      }
      String text = scalar(parser, "holidays", DATE_EXAMPLE);
      if (text == null) {
        continue;
      }
      try {
        holidays.add(LocalDate.parse(text.strip()));
      } catch (DateTimeException e) {
        problem(line, "holidays: '" + text + "' is not a date like " + DATE_EXAMPLE);
      }
    }
  }

  /**
   * The text of a single value as written, whatever type YAML would give it ({@code yes} is a
   * boolean, {@code 20261225} a number), so the message can quote the user; null after reporting a
   * list, a map or an alias where one value belongs.
   */
  private String scalar(YAMLParser parser, String field, String example) throws IOException {
    int line = line(parser);
    if (parser.currentToken().isStructStart()) {
      problem(line, field + ": expected a single value such as " + example);
      parser.skipChildren();
      return null;
    }
    // Jackson hands out an alias as the anchor's name, not the value it stands for.
    if (parser.isCurrentAlias()) {
      problem(
          line,
          field + ": '*" + parser.getText() + "' is a YAML alias; write the value itself here");
      return null;
    }
    return parser.getText();
  }

  private static LocalTime clockTime(String hour, String minute) {
    int h = Integer.parseInt(hour);
    int m = Integer.parseInt(minute);
    return h <= 23 && m <= 59 ? LocalTime.of(h, m) : null;
  }

  private static Optional<DayOfWeek> dayOfWeek(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  private static int line(YAMLParser parser) {
    return Math.max(0, parser.currentTokenLocation().getLineNr());
  }

  private static int syntaxErrorLine(IOException e) {
    // SnakeYAML marks the character at fault; Jackson's location is the last token it produced.
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return marked.getProblemMark().getLine() + 1;
    }
    JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String syntaxError(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CharConversionException) {
        return "the file is not UTF-8 text; save it with UTF-8 encoding";
      }
    }
    String detail =
        e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null
            ? marked.getProblem()
            : e instanceof JsonProcessingException p
                ? p.getOriginalMessage().lines().findFirst().orElse("")
                : String.valueOf(e.getMessage());
    return "this line is not valid YAML ("
        + detail
        + "); check the indentation, the brackets and that every setting has a colon";
  }

  private void problem(int line, String reason) {
    problems.add(new RulebookProblem(file, line, reason));
  }
}
