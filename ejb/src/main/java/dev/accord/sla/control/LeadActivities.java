package dev.accord.sla.control;

import dev.accord.leads.entity.Lead;
import dev.accord.leads.entity.LeadActivity;
import dev.accord.organisation.entity.Rep;
import dev.accord.platform.configuration.AccordSettings;
import dev.accord.platform.database.DatabaseSchema;
import dev.accord.routes.intake.FieldError;
import dev.accord.rulebook.control.LiveRulebook;
import dev.accord.rules.sla.Activity;
import dev.accord.sla.entity.SlaClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records what reps and marketing did about a lead and lets it drive the lead's clocks: a touch
 * stops a first-touch clock, a pause pauses them all, a reject needs a reason from the agreement.
 */
@ApplicationScoped
@Transactional
public class LeadActivities {

  // Reps log a call a little after making it; an activity from the future is a typo.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
  // Leaves room in the 1,000 characters of a history entry for who did what.
  private static final int MAX_NOTE = 800;

  @PersistenceContext EntityManager em;

  @Inject LiveRulebook rulebook;

  @Inject Clock clock;

  @Inject DatabaseSchema schema;

  @Inject AccordSettings settings;

  /**
   * @param source the intake source recording the activity on its own lead, which records it as
   *     itself (or as the lead's rep, if it is the reps' CRM); empty for an operator, who names the
   *     rep
   * @return the lead with the activity recorded, or empty if there is no such lead
   * @throws ActivityRefusedException if the source may not record under the name it gave
   * @throws InvalidActivityException naming every field at fault
   */
  public Optional<Lead> record(UUID leadId, ActivityRequest request, Optional<String> source) {
    schema.awaitMigration();
    Lead lead = em.find(Lead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
    if (lead == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    Optional<Activity> activity = activityOf(request.type(), errors);
    String by = blankToNull(request.by());
    if (source.isPresent()) {
      by =
          new ActivityAuthors(settings.crmSources())
              .recordedAs(source.get(), by, Optional.ofNullable(lead.getRep()).map(Rep::getId));
    } else if (by == null) {
      errors.add(new FieldError("by", "is required: the rep id, or who supplied the data"));
    } else if (by.length() > 100) {
      errors.add(new FieldError("by", "is longer than 100 characters"));
    } else if (activity.isPresent()
        && activity.get() != Activity.COMPLETE_DATA
        && em.find(Rep.class, by) == null) {
      errors.add(new FieldError("by", "'" + by + "' is not a rep"));
    }
    Instant at = instantOf(request.at(), now, lead, errors);
    String reasonCode = blankToNull(request.reasonCode());
    if (activity.filter(Activity.REJECT::equals).isPresent()) {
      var reasons = rulebook.agreement().rejectReasons();
      if (reasonCode == null) {
        errors.add(
            new FieldError(
                "reasonCode",
                "is required to reject a lead; one of " + new TreeSet<>(reasons.keySet())));
      } else if (!reasons.containsKey(reasonCode)) {
        errors.add(
            new FieldError(
                "reasonCode",
                "'"
                    + reasonCode
                    + "' is not a reject reason of the agreement; one of "
                    + new TreeSet<>(reasons.keySet())));
      }
    } else if (reasonCode != null) {
      errors.add(new FieldError("reasonCode", "is only given with a reject"));
    }
    String note = blankToNull(request.note());
    if (note != null && note.length() > MAX_NOTE) {
      errors.add(new FieldError("note", "is longer than " + MAX_NOTE + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidActivityException(errors);
    }
    lead.record(new LeadActivity(activity.get(), by, at, now, reasonCode, note), now);
    for (SlaClock slaClock : clocksOf(leadId)) {
      slaClock.apply(activity.get(), by, at, rulebook.calendar(slaClock.getCalendar()).calendar());
    }
    return Optional.of(lead);
  }

  private List<SlaClock> clocksOf(UUID leadId) {
    return em.createQuery(
            "select c from SlaClock c where c.leadId = :lead order by c.startedAt, c.name",
            SlaClock.class)
        .setParameter("lead", leadId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  private static Optional<Activity> activityOf(String type, List<FieldError> errors) {
    if (blankToNull(type) == null) {
      errors.add(new FieldError("type", "is required; one of " + apiNames()));
      return Optional.empty();
    }
    Optional<Activity> activity = Activity.fromApiName(type.strip());
    if (activity.isEmpty()) {
      errors.add(new FieldError("type", "'" + type + "' is not an activity; one of " + apiNames()));
    }
    return activity;
  }

  private static Instant instantOf(String text, Instant now, Lead lead, List<FieldError> errors) {
    if (blankToNull(text) == null) {
      return now;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              "at",
              "'"
                  + text
                  + "' is not an ISO-8601 time with offset, such as 2026-11-30T09:15:00+01:00"));
      return now;
    }
    if (at.isAfter(now.plus(CLOCK_SKEW))) {
      errors.add(new FieldError("at", "is in the future"));
    } else if (at.isBefore(lead.getReceivedAt())) {
      errors.add(new FieldError("at", "is before the lead arrived (" + lead.getReceivedAt() + ")"));
    }
    return at.isAfter(now) ? now : at;
  }

  private static List<String> apiNames() {
    return java.util.Arrays.stream(Activity.values()).map(Activity::apiName).toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
