package dev.stormwatch.eval.nab;

import java.util.List;

/**
 * One NAB file as the scorer sees it: its row times, a detector's anomaly scores in [0, 1] and the
 * file's label windows (sorted by start).
 */
public record ScoredFile(
    String relativePath, long[] timesMillis, double[] anomalyScores, List<LabelWindow> windows) {

  public ScoredFile {
    if (timesMillis.length != anomalyScores.length) {
      throw new IllegalArgumentException(
          relativePath
              + ": "
              + timesMillis.length
              + " times but "
              + anomalyScores.length
              + " scores");
    }
    windows = List.copyOf(windows);
  }

  /** The category, i.e. the folder part of the relative path ({@code realTweets}). */
  public String category() {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? "" : relativePath.substring(0, slash);
  }

  /** The same file with every anomaly score replaced by a constant (NAB's null detector: 0.5). */
  public ScoredFile withConstantScore(double score) {
    double[] constant = new double[anomalyScores.length];
    java.util.Arrays.fill(constant, score);
    return new ScoredFile(relativePath, timesMillis, constant, windows);
  }
}
