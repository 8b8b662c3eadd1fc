package dev.stormwatch.alert.routing;

import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.time.Instant;

/** A one-off silence: alerts matching its matchers in [starts, ends) are not notified. */
public final class Silence implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AlertMatchers matchers;
  private final long startsMillis;
  private final long endsMillis;
  private final String comment;

  public Silence(AlertMatchers matchers, Instant starts, Instant ends, String comment) {
    if (!ends.isAfter(starts)) {
      throw new IllegalArgumentException("ends (" + ends + ") must be after starts (" + starts + ")");
    }
    this.matchers = matchers;
    this.startsMillis = starts.toEpochMilli();
    this.endsMillis = ends.toEpochMilli();
    this.comment = comment == null ? "" : comment;
  }

  /** True when {@code alert} matches and {@code timeMillis} lies in the silence. */
  public boolean silences(AlertEvent alert, long timeMillis) {
    return timeMillis >= startsMillis && timeMillis < endsMillis && matchers.matches(alert);
  }

  @Override
  public String toString() {
    return "silence " + matchers + " " + Instant.ofEpochMilli(startsMillis) + ".."
        + Instant.ofEpochMilli(endsMillis) + (comment.isEmpty() ? "" : " (" + comment + ")");
  }
}
