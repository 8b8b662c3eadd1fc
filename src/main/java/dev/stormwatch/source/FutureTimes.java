package dev.stormwatch.source;

import java.time.Duration;
import java.time.Instant;

/**
 * The job's rule for event times ahead of this machine's clock: a record stamped far in the future
 * (a host with a wrong clock) would move the watermark there and make every later record late, so
 * such records are dead letters and never move the watermark.
 */
public final class FutureTimes {
  /** How far ahead of the clock a record may be by default ({@code window.max-future}). */
  public static final Duration DEFAULT_MAX_FUTURE = Duration.ofMinutes(10);

  private FutureTimes() {}

  /** True when {@code eventMillis} is more than {@code maxFutureMillis} ahead of now; 0 turns the rule off. */
  public static boolean tooFarAhead(long eventMillis, long maxFutureMillis) {
    return maxFutureMillis > 0 && eventMillis - maxFutureMillis > System.currentTimeMillis();
  }

  /** Why a record was refused, for its dead letter. */
  static String describe(long eventMillis, long maxFutureMillis) {
    long now = System.currentTimeMillis();
    return "field \"time\" " + Instant.ofEpochMilli(eventMillis) + " is " + ahead(eventMillis - now)
        + " ahead of this machine's clock (" + Instant.ofEpochMilli(now) + "); a record more than "
        + ahead(maxFutureMillis) + " ahead (window.max-future) would move the watermark there and"
        + " make every other record late";
  }

  private static String ahead(long millis) {
    double hours = millis / 3_600_000.0;
    if (hours >= 48) {
      return Math.round(hours / 24) + " days";
    }
    if (hours >= 2) {
      return Math.round(hours) + " h";
    }
    return millis >= 60_000 ? Math.round(millis / 60_000.0) + " min" : Math.round(millis / 1000.0) + " s";
  }
}
