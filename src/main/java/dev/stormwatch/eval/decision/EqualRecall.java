package dev.stormwatch.eval.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the two decision rules of one detector at equal recall: the highest number of incidents
 * both rules reach at some threshold, and the fewest false alarms each needs to reach it.
 */
public final class EqualRecall {
  private EqualRecall() {}

  /**
   * One detector at the recall both rules reach.
   *
   * @param score the score rule's operating point with the fewest false alarms at that recall
   *     (ties: the higher threshold)
   * @param posterior the same for the posterior rule
   */
  public record Row(String detector, int detected, int incidents, OperatingPoint score,
      OperatingPoint posterior) {
    /** False alarms the posterior saves against the score rule (negative: it costs more). */
    public int falseAlarmsSaved() {
      return score.falseAlarms() - posterior.falseAlarms();
    }
  }

  /** The equal-recall row of each detector in {@code points} (in first-seen order). */
  public static List<Row> rows(List<OperatingPoint> points) {
    List<Row> rows = new ArrayList<>();
    for (String d : OperatingPoint.detectors(points)) {
      List<OperatingPoint> mine = points.stream().filter(p -> p.detector().equals(d)).toList();
      int common = Math.min(maxDetected(mine, DecisionSweep.SCORE), maxDetected(mine, DecisionSweep.POSTERIOR));
      if (common <= 0) {
        continue;
      }
      OperatingPoint s = fewestFalseAlarms(mine, DecisionSweep.SCORE, common).orElseThrow();
      OperatingPoint p = fewestFalseAlarms(mine, DecisionSweep.POSTERIOR, common).orElseThrow();
      rows.add(new Row(d, common, s.incidents(), s, p));
    }
    return rows;
  }

  private static int maxDetected(List<OperatingPoint> points, String mode) {
    return points.stream().filter(p -> p.mode().equals(mode))
        .mapToInt(OperatingPoint::detected).max().orElse(-1);
  }

  /** Among points of {@code mode} detecting at least {@code detected}: fewest false alarms. */
  static Optional<OperatingPoint> fewestFalseAlarms(List<OperatingPoint> points, String mode, int detected) {
    OperatingPoint best = null;
    for (OperatingPoint p : points) {
      if (!p.mode().equals(mode) || p.detected() < detected) {
        continue;
      }
      if (best == null || p.falseAlarms() < best.falseAlarms()
          || (p.falseAlarms() == best.falseAlarms() && p.threshold() > best.threshold())) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }
}
