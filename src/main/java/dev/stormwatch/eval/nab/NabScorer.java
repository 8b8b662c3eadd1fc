package dev.stormwatch.eval.nab;

import java.util.List;

/**
 * NAB's scoring function (numenta/NAB {@code sweeper.py}): a scaled sigmoid rewards detections
 * early in a label window, one count per window (its best detection), a weighted penalty for each
 * false positive that decays with distance after the preceding window, and {@code -fnWeight} per
 * missed window; the first 15% of each file (at most 750 rows) is probationary and ignored.
 */
public final class NabScorer {
  /** NAB's default probationary fraction. */
  public static final double PROBATIONARY_PERCENT = 0.15;

  private NabScorer() {}

  /** NAB's probationary length: {@code min(floor(0.15 * rows), 0.15 * 5000)}. */
  public static int probationaryLength(int rows) {
    return (int) Math.min(Math.floor(PROBATIONARY_PERCENT * rows), PROBATIONARY_PERCENT * 5000);
  }

  /**
   * {@code 2 * sigmoid(-5 x) - 1}, and -1 for positions more than 3 window widths past the window.
   */
  public static double scaledSigmoid(double relativePosition) {
    if (relativePosition > 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
  }

  /** Computes every row's sweep score and window membership for one file under a profile. */
  public static SweepPoints sweep(ScoredFile file, CostProfile profile) {
    long[] times = file.timesMillis();
    int n = times.length;
    List<LabelWindow> windows = file.windows();
    int[][] bounds = windowBounds(times, windows);
    double maxTp = scaledSigmoid(-1.0);
    int probation = probationaryLength(n);
    double[] sweepScores = new double[n];
    int[] windowIds = new int[n];
    int next = 0;
    int current = -1;
    int prevRight = -1;
    double prevWidth = 0;
    for (int i = 0; i < n; i++) {
      while (current < 0 && next < bounds.length && (bounds[next] == null || bounds[next][0] < i)) {
        next++;
      }
      if (current < 0 && next < bounds.length && bounds[next][0] == i) {
        current = next++;
      }
      double weighted;
      if (current >= 0) {
        int right = bounds[current][1];
        double width = right - bounds[current][0] + 1;
        weighted = scaledSigmoid(-(right - i + 1) / width) * profile.tpWeight() / maxTp;
      } else if (prevRight < 0) {
        weighted = -1.0 * profile.fpWeight();
      } else {
        double position = Math.abs(prevRight - i) / Math.max(1.0, prevWidth - 1);
        weighted = scaledSigmoid(position) * profile.fpWeight();
      }
      sweepScores[i] = weighted;
      windowIds[i] =
          i < probation ? SweepPoints.PROBATIONARY : (current >= 0 ? current : SweepPoints.OUTSIDE);
      if (current >= 0 && bounds[current][1] == i) {
        prevRight = i;
        prevWidth = bounds[current][1] - bounds[current][0] + 1;
        current = -1;
      }
    }
    return new SweepPoints(file.anomalyScores(), sweepScores, windowIds, windows.size());
  }

  /** Scores one file at a threshold (a row is a detection when its anomaly score >= threshold). */
  public static ThresholdScore score(ScoredFile file, CostProfile profile, double threshold) {
    return score(List.of(file), profile, threshold);
  }

  /** Scores several files at one threshold; the result is the sum of the per-file scores. */
  public static ThresholdScore score(
      List<ScoredFile> files, CostProfile profile, double threshold) {
    double total = 0;
    long tp = 0;
    long tn = 0;
    long fp = 0;
    long fn = 0;
    for (ScoredFile file : files) {
      SweepPoints points = sweep(file, profile);
      boolean[] scorable = points.scorableWindows();
      double[] best = new double[points.windowCount()];
      java.util.Arrays.fill(best, -profile.fnWeight());
      for (int i = 0; i < points.size(); i++) {
        int id = points.windowIds()[i];
        if (id == SweepPoints.PROBATIONARY) {
          continue;
        }
        boolean detected = points.anomalyScores()[i] >= threshold;
        if (id == SweepPoints.OUTSIDE) {
          if (detected) {
            fp++;
            total += points.sweepScores()[i];
          } else {
            tn++;
          }
        } else if (detected) {
          tp++;
          best[id] = Math.max(best[id], points.sweepScores()[i]);
        } else {
          fn++;
        }
      }
      for (int w = 0; w < best.length; w++) {
        if (scorable[w]) {
          total += best[w];
        }
      }
    }
    return new ThresholdScore(threshold, total, tp, tn, fp, fn);
  }

  /**
   * Row index range [first, last] of each window: NAB enters a window at the row whose timestamp
   * equals its start and leaves it at the row equal to its end; for windows whose bounds fall
   * between rows this uses the first and last row inside the window. Null when no row is inside.
   */
  static int[][] windowBounds(long[] times, List<LabelWindow> windows) {
    int[][] bounds = new int[windows.size()][];
    for (int w = 0; w < windows.size(); w++) {
      LabelWindow window = windows.get(w);
      int first = lowerBound(times, window.startMillis());
      int last = lowerBound(times, window.endMillis() + 1) - 1;
      bounds[w] = first <= last ? new int[] {first, last} : null;
    }
    return bounds;
  }

  private static int lowerBound(long[] sorted, long key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
