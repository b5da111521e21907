package dev.accord.rulebook.control;

import dev.accord.platform.configuration.AccordSettings;
import dev.accord.rules.Rulebook;
import dev.accord.rules.RulebookRejectedException;
import dev.accord.rules.calendar.BusinessCalendar;
import dev.accord.rules.calendar.BusinessCalendars;
import dev.accord.rules.decision.Decision;
import dev.accord.rules.lead.Lead;
import dev.accord.rules.sla.Agreement;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Holds the rulebook compiled from the configured folder, so every lead is decided by the same,
 * versioned rules. Startup fails loudly on a broken rulebook: there are no earlier rules to fall
 * back on yet.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveRulebook {

  private static final Logger LOG = Logger.getLogger(LiveRulebook.class.getName());

  @Inject AccordSettings settings;

  private static final String AROUND_THE_CLOCK = "around-the-clock";

  private volatile Rulebook rulebook;

  @PostConstruct
  void compile() {
    try {
      rulebook = Rulebook.compile(settings.rulebookFolder());
      LOG.info(
          () -> "Rulebook " + rulebook.version() + " compiled from " + settings.rulebookFolder());
    } catch (RulebookRejectedException rejected) {
      throw new IllegalStateException(
          "The rulebook in "
              + settings.rulebookFolder()
              + " was rejected: "
              + rejected.getMessage(),
          rejected);
    }
  }

  public Decision decide(Lead lead) {
    return rulebook.decide(lead);
  }

  public String version() {
    return rulebook.version();
  }

  /**
   * The calendar of this name, or the round-the-clock one if the rulebook has none of that name (a
   * team without a calendar file still gets its clocks).
   */
  public NamedCalendar calendar(String name) {
    BusinessCalendars calendars = rulebook.calendars();
    return calendars
        .find(name)
        .map(found -> new NamedCalendar(name, found))
        .orElseGet(
            () ->
                new NamedCalendar(
                    AROUND_THE_CLOCK, calendars.find(AROUND_THE_CLOCK).orElseThrow()));
  }

  /** The reject reasons and marketing's promises. */
  public Agreement agreement() {
    return rulebook.agreement();
  }

  /** A calendar with the name it is known by in the rulebook. */
  public record NamedCalendar(String name, BusinessCalendar calendar) {}
}
