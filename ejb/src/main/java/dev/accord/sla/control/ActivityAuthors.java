package dev.accord.sla.control;

import dev.accord.routes.intake.FieldError;
import java.util.Optional;
import java.util.Set;

/**
 * Under whose name an intake source's activity is recorded: its own, or the lead's rep when the
 * source is the reps' CRM ({@code accord.activities.crm-sources}). A source cannot name any rep it
 * likes, and its refusal reads the same whether or not the name it gave is a rep's, so it learns
 * nothing about who works here.
 */
final class ActivityAuthors {

  private final Set<String> crmSources;

  /**
   * @param crmSources the intake sources that are the reps' CRM
   */
  ActivityAuthors(Set<String> crmSources) {
    this.crmSources = Set.copyOf(crmSources);
  }

  /**
   * @param source the intake source recording the activity (one of its own leads)
   * @param by the name it gave, or null
   * @param leadRep the lead's rep now, if it has one
   * @return the name to record the activity under
   * @throws ActivityRefusedException naming {@code by} if the source may not record as it
   */
  String recordedAs(String source, String by, Optional<String> leadRep) {
    if (by == null || by.equals(source)) {
      return source;
    }
    boolean crm = crmSources.contains(source);
    if (crm && leadRep.filter(by::equals).isPresent()) {
      return by;
    }
    throw new ActivityRefusedException(
        new FieldError(
            "by",
            crm
                ? "must be left out, '"
                    + source
                    + "' or the lead's rep: the reps' CRM records activities as itself or as"
                    + " the lead's rep"
                : "must be left out or '"
                    + source
                    + "': a source's key records activities as that source"));
  }
}
