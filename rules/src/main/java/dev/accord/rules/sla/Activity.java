package dev.accord.rules.sla;

import java.util.Locale;
import java.util.Optional;

/**
 * What someone did about a lead, as recorded through the activities API; terms name the activities
 * that satisfy, count towards, pause or resume their clocks.
 */
public enum Activity {
  /** A rep tried to reach the lead (call, e-mail, message). */
  TOUCH,
  /** A rep reached the person; it counts as a touch too. */
  CONNECT,
  /** Sales accepts the lead (it becomes a sales-accepted lead). */
  ACCEPT,
  /** Sales rejects the lead, with a reason code from the agreement. */
  REJECT,
  /** The lead is no prospect after all. */
  DISQUALIFY,
  /** The lead became an opportunity. */
  CONVERT,
  /** The clocks wait, e.g. for the prospect to answer. */
  PAUSE,
  /** The clocks run again after a pause. */
  RESUME,
  /** Marketing supplied the contact data sales needs. */
  COMPLETE_DATA;

  /** The name used in the API, e.g. {@code complete-data}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The activity with this API name ({@code touch}, {@code complete-data}), in any case. */
  public static Optional<Activity> fromApiName(String name) {
    for (Activity activity : values()) {
      if (activity.apiName().equalsIgnoreCase(name)) {
        return Optional.of(activity);
      }
    }
    return Optional.empty();
  }
}
