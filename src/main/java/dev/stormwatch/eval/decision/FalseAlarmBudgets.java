package dev.stormwatch.eval.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The most incidents each detector finds within fixed false-alarm budgets, over the threshold
 * sweep and both decision rules: how an on-call team that can afford N false pages reads a sweep.
 * Counted on the alert episodes ({@link #rows}) and on the pages the job's routing turns them into
 * ({@link #pageRows}).
 */
public final class FalseAlarmBudgets {
  /** The budgets reported: at most this many false alarms over the scored period. */
  public static final List<Integer> BUDGETS = List.of(10, 20, 50, 100, 200);
  /** The budgets reported for pages, fewer than alert episodes since routing groups them. */
  public static final List<Integer> PAGE_BUDGETS = List.of(2, 5, 10, 20, 50);

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

  /** The alert-episode budget row of each detector in {@code points} (in first-seen order). */
  public static List<Row> rows(List<OperatingPoint> points) {
    return rows(points, BUDGETS, OperatingPoint::detected, OperatingPoint::falseAlarms);
  }

  /** As {@link #rows}, counting incidents paged for and false pages after routing. */
  public static List<Row> pageRows(List<OperatingPoint> points) {
    return rows(points, PAGE_BUDGETS, OperatingPoint::paged, OperatingPoint::falsePages);
  }

  private static List<Row> rows(List<OperatingPoint> points, List<Integer> budgets,
      ToIntFunction<OperatingPoint> detected, ToIntFunction<OperatingPoint> falseAlarms) {
    List<Row> rows = new ArrayList<>();
    for (String d : OperatingPoint.detectors(points)) {
      List<OperatingPoint> mine = points.stream().filter(p -> p.detector().equals(d)).toList();
      List<Integer> found = new ArrayList<>();
      for (int budget : budgets) {
        found.add(mine.stream().filter(p -> falseAlarms.applyAsInt(p) <= budget)
            .mapToInt(detected).max().orElse(0));
      }
      int most = mine.stream().mapToInt(detected).max().orElse(0);
      int atMost = mine.stream().filter(p -> detected.applyAsInt(p) == most)
          .mapToInt(falseAlarms).min().orElse(0);
      rows.add(new Row(d, mine.get(0).incidents(), List.copyOf(found), most, atMost));
    }
    return rows;
  }
}
