package dev.accord.sla.entity;

import java.time.Duration;

/** Says a business-time duration the way a sales manager would: "4 h 30 min", "15 min", "45 s". */
public final class BusinessDurations {

  private BusinessDurations() {}

  public static String describe(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(" h");
    }
    if (minutes > 0) {
      text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
    }
    if (rest > 0 || text.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(rest).append(" s");
    }
    return text.toString();
  }
}
