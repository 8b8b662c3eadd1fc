package dev.stormwatch.eval.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The most incidents each detector finds within fixed false-alarm budgets, over the threshold
 * sweep and both decision rules: how an on-call team that can afford N false pages reads a sweep.
 */
public final class FalseAlarmBudgets {
  /** The budgets reported: at most this many false alarms over the scored period. */
  public static final List<Integer> BUDGETS = List.of(10, 20, 50, 100, 200);

  private FalseAlarmBudgets() {}

  /**
   * One detector's budgets.
   *
   * @param found the most incidents detected at any operating point with at most {@code
   *     BUDGETS.get(i)} false alarms, per budget (0 when no point fits)
   * @param most the most incidents detected at any operating point
   * @param falseAlarmsAtMost the fewest false alarms an operating point detecting {@code most} has
   */
  public record Row(String detector, int incidents, List<Integer> found, int most,
      int falseAlarmsAtMost) {}

  /** The budget row of each detector in {@code points} (in first-seen order). */
  public static List<Row> rows(List<OperatingPoint> points) {
    List<Row> rows = new ArrayList<>();
    for (String d : OperatingPoint.detectors(points)) {
      List<OperatingPoint> mine = points.stream().filter(p -> p.detector().equals(d)).toList();
      List<Integer> found = new ArrayList<>();
      for (int budget : BUDGETS) {
        found.add(mine.stream().filter(p -> p.falseAlarms() <= budget)
            .mapToInt(OperatingPoint::detected).max().orElse(0));
      }
      int most = mine.stream().mapToInt(OperatingPoint::detected).max().orElse(0);
      int falseAlarms = mine.stream().filter(p -> p.detected() == most)
          .mapToInt(OperatingPoint::falseAlarms).min().orElse(0);
      rows.add(new Row(d, mine.get(0).incidents(), List.copyOf(found), most, falseAlarms));
    }
    return rows;
  }
}
