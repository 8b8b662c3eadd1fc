package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A weekly maintenance window: alerts matching its matchers are not notified on the given days
 * between {@code from} (inclusive) and {@code to} (exclusive) local time in {@code zone}. A window
 * whose {@code to} is not after {@code from} crosses midnight and ends on the following day.
 */
public final class MaintenanceWindow implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AlertMatchers matchers;
  private final EnumSet<DayOfWeek> days;
  private final LocalTime from;
  private final LocalTime to;
  private final ZoneId zone;
  private final String comment;

  public MaintenanceWindow(AlertMatchers matchers, Set<DayOfWeek> days, LocalTime from, LocalTime to,
      ZoneId zone, String comment) {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("a maintenance window needs at least one day");
    }
    this.matchers = matchers;
    this.days = EnumSet.copyOf(days);
    this.from = from;
    this.to = to;
    this.zone = zone;
    this.comment = comment == null ? "" : comment;
  }

  /** True when {@code alert} matches and {@code timeMillis} falls in one of the weekly windows. */
  public boolean silences(AlertEvent alert, long timeMillis) {
    return activeAt(timeMillis) && matchers.matches(alert);
  }

  /** True when {@code timeMillis} falls in one of the weekly windows. */
  public boolean activeAt(long timeMillis) {
    ZonedDateTime local = Instant.ofEpochMilli(timeMillis).atZone(zone);
    LocalTime t = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (from.isBefore(to)) {
      return days.contains(day) && !t.isBefore(from) && t.isBefore(to);
    }
    return (days.contains(day) && !t.isBefore(from)) || (days.contains(day.minus(1)) && t.isBefore(to));
  }

  @Override
  public String toString() {
    return "maintenance " + matchers + " " + days + " " + from + "-" + to + " " + zone
        + (comment.isEmpty() ? "" : " (" + comment + ")");
  }
}
