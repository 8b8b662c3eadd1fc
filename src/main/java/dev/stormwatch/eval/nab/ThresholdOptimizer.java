package dev.stormwatch.eval.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * NAB's threshold sweep (numenta/NAB {@code sweeper.calcScoreByThreshold} and {@code
 * optimizer.py}): pools the scorable rows of all files, walks them from the highest anomaly score
 * down and records the corpus score at every distinct score, starting from "nothing detected" at
 * threshold 1.1; the best threshold is the first one reaching the maximum score.
 */
public final class ThresholdOptimizer {
  /** The threshold NAB records before any row is detected. */
  public static final double START_THRESHOLD = 1.1;

  private ThresholdOptimizer() {}

  /** The corpus score at every distinct threshold, highest threshold first. */
  public static List<ThresholdScore> scoresByThreshold(
      List<ScoredFile> files, CostProfile profile) {
    int rows = 0;
    List<SweepPoints> sweeps = new ArrayList<>(files.size());
    for (ScoredFile file : files) {
      SweepPoints points = NabScorer.sweep(file, profile);
      sweeps.add(points);
      rows += points.size();
    }
    double[] anomaly = new double[rows];
    double[] sweep = new double[rows];
    int[] window = new int[rows];
    int count = 0;
    int windowOffset = 0;
    int scorableWindows = 0;
    for (SweepPoints points : sweeps) {
      for (boolean scorable : points.scorableWindows()) {
        scorableWindows += scorable ? 1 : 0;
      }
      for (int i = 0; i < points.size(); i++) {
        int id = points.windowIds()[i];
        if (id == SweepPoints.PROBATIONARY) {
          continue;
        }
        anomaly[count] = points.anomalyScores()[i];
        sweep[count] = points.sweepScores()[i];
        window[count] = id == SweepPoints.OUTSIDE ? -1 : windowOffset + id;
        count++;
      }
      windowOffset += points.windowCount();
    }
    return sweepSorted(anomaly, sweep, window, count, windowOffset, scorableWindows, profile);
  }

  /** The best (threshold, score) over the corpus for a profile. */
  public static ThresholdScore optimize(List<ScoredFile> files, CostProfile profile) {
    ThresholdScore best = null;
    for (ThresholdScore candidate : scoresByThreshold(files, profile)) {
      if (best == null || candidate.score() > best.score()) {
        best = candidate;
      }
    }
    return best;
  }

  private static List<ThresholdScore> sweepSorted(
      double[] anomaly,
      double[] sweep,
      int[] window,
      int count,
      int windowSlots,
      int scorableWindows,
      CostProfile profile) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(anomaly[b], anomaly[a]));
    double[] best = new double[windowSlots];
    Arrays.fill(best, -profile.fnWeight());
    double windowTotal = -profile.fnWeight() * scorableWindows;
    double fpTotal = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < count; i++) {
      fn += window[i] >= 0 ? 1 : 0;
    }
    long tn = count - fn;
    List<ThresholdScore> result = new ArrayList<>();
    double threshold = START_THRESHOLD;
    for (Integer boxed : order) {
      int k = boxed;
      if (anomaly[k] != threshold) {
        result.add(new ThresholdScore(threshold, fpTotal + windowTotal, tp, tn, fp, fn));
        threshold = anomaly[k];
      }
      int id = window[k];
      if (id >= 0) {
        tp++;
        fn--;
        if (sweep[k] > best[id]) {
          windowTotal += sweep[k] - best[id];
          best[id] = sweep[k];
        }
      } else {
        fp++;
        tn--;
        fpTotal += sweep[k];
      }
    }
    result.add(new ThresholdScore(threshold, fpTotal + windowTotal, tp, tn, fp, fn));
    return result;
  }
}
