package dev.stormwatch.eval.nab;

/**
 * The NAB score of a set of files at one threshold, with NAB's point counts (probationary points
 * excluded): a point is detected when its anomaly score is at least the threshold.
 */
public record ThresholdScore(double threshold, double score, long tp, long tn, long fp, long fn) {

  /** Number of scored points. */
  public long total() {
    return tp + tn + fp + fn;
  }
}
