package dev.stormwatch.data;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault-free stretches of a Nezha live period that are long enough to learn normal operation
 * under load from: gaps between one fault's label end plus a recovery margin and the next
 * injection minus the same margin, cut to whole minutes.
 *
 * <p>Why: on TrainTicket 2023-01-29 the load generator ran only during the fault campaign; the
 * evening after it (the default history) carries about a quarter of the live workload, so every
 * detector that learns from it learns an idle system.
 */
public final class QuietStretches {
  private QuietStretches() {}

  /** One stretch, {@code [start, end)}. */
  public record Stretch(Instant start, Instant end) {
    /** Whether {@code timeMillis} falls inside. */
    public boolean contains(long timeMillis) {
      return timeMillis >= start.toEpochMilli() && timeMillis < end.toEpochMilli();
    }
  }

  /**
   * Stretches of at least {@code minMinutes} between consecutive faults (sorted by injection), each
   * {@code marginMinutes} clear of the previous label's end and of the next injection.
   */
  public static List<Stretch> between(List<FaultList.Fault> faults, int faultMinutes,
      int minMinutes, int marginMinutes) {
    List<Stretch> out = new ArrayList<>();
    if (minMinutes <= 0) {
      return out;
    }
    Duration margin = Duration.ofMinutes(marginMinutes);
    for (int i = 1; i < faults.size(); i++) {
      Instant previousEnd = faults.get(i - 1).inject().plus(Duration.ofMinutes(faultMinutes));
      Instant start = NezhaConverter.ceilMinute(previousEnd.plus(margin));
      Instant end = faults.get(i).inject().minus(margin).truncatedTo(ChronoUnit.MINUTES);
      if (!end.isBefore(start.plus(Duration.ofMinutes(minMinutes)))) {
        out.add(new Stretch(start, end));
      }
    }
    return out;
  }

  /** Whether any stretch contains {@code timeMillis}. */
  public static boolean inAny(List<Stretch> stretches, long timeMillis) {
    for (Stretch s : stretches) {
      if (s.contains(timeMillis)) {
        return true;
      }
    }
    return false;
  }
}
