package dev.accord.rules.routing;

import dev.accord.rules.calendar.BusinessCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rep works: the hours and holidays of a business calendar of the rulebook, read in the
 * rep's own time zone, so one calendar serves a team whose reps sit in several countries, and a
 * clock change moves the shift with the rep's local time.
 */
public final class WorkingShift {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.ENGLISH);

  private final BusinessCalendar calendar;
  private final BusinessCalendar inRepsZone;

  public WorkingShift(BusinessCalendar calendar, ZoneId repZone) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.inRepsZone = calendar.inZone(Objects.requireNonNull(repZone, "repZone"));
  }

  public boolean onShiftAt(Instant instant) {
    return inRepsZone.isWorkingAt(instant);
  }

  /** The instant itself if the rep is on shift then, else when their next shift starts. */
  public Instant nextOnShift(Instant instant) {
    return inRepsZone.nextWorkingTime(instant);
  }

  /** An instant as a rep reads it where they are, e.g. {@code Monday 30 November 09:00}. */
  public static String local(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone));
  }

  /**
   * Why the rep takes no lead at this instant, e.g. {@code off shift: works the emea calendar's
   * hours in America/New_York, on shift again Monday 30 November 09:00 (2026-11-30T14:00:00Z)}.
   */
  public Optional<String> whyOffShift(Instant instant) {
    if (onShiftAt(instant)) {
      return Optional.empty();
    }
    Instant back = nextOnShift(instant);
    ZonedDateTime local = back.atZone(inRepsZone.zone());
    return Optional.of(
        "off shift: works the "
            + calendar.name()
            + " calendar's hours in "
            + inRepsZone.zone().getId()
            + ", on shift again "
            + LOCAL.format(local)
            + " ("
            + back
            + ")");
  }
}
