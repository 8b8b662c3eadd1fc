package dev.stormwatch.eval.nab;

/**
 * Per-row NAB sweep values of one file: the row's anomaly score, the score it earns if detected
 * ({@code sweepScores}), and which window it belongs to ({@link #OUTSIDE}, {@link #PROBATIONARY} or
 * a window index of the file).
 */
public record SweepPoints(
    double[] anomalyScores, double[] sweepScores, int[] windowIds, int windowCount) {
  /** Row outside every window: a detection there is a false positive. */
  public static final int OUTSIDE = -1;

  /** Row inside the probationary period: never scored. */
  public static final int PROBATIONARY = -2;

  /** Number of rows. */
  public int size() {
    return anomalyScores.length;
  }

  /**
   * Whether a window is scored at all: NAB only counts (and penalises as missed) windows with at
   * least one row after the probationary period.
   */
  public boolean[] scorableWindows() {
    boolean[] scorable = new boolean[windowCount];
    for (int id : windowIds) {
      if (id >= 0) {
        scorable[id] = true;
      }
    }
    return scorable;
  }
}
