package dev.stormwatch.data;

import java.util.Comparator;

/**
 * One output JSON line and its event time, for time-ordered files.
 *
 * @param time event time, epoch milliseconds
 * @param json the compact JSON text
 */
public record TimedLine(long time, String json) {
  /** Orders by time; {@code List.sort} is stable, so equal times keep their input order. */
  public static final Comparator<TimedLine> BY_TIME = Comparator.comparingLong(TimedLine::time);
}
