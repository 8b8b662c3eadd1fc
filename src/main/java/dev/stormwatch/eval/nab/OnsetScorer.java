package dev.stormwatch.eval.nab;

import java.util.ArrayDeque;

/**
 * A NAB detector's scores kept only at the onset of a burst: the detector {@code NAME+onset}. A row
 * keeps its score when it exceeds the scores of the previous {@code rows} rows, and scores 0
 * otherwise, so an anomaly that scores high for a few rows in a row is reported once, at its first
 * row, the way an alert fires once per episode. Unlike {@link PeakScorer}'s day-long horizon, the
 * hold is a few rows, so a second anomaly later the same day is still reported.
 */
public final class OnsetScorer implements StreamingScorer {
  /** The suffix that wraps a registered detector's name. */
  public static final String SUFFIX = "+onset";
  /**
   * Rows a score must exceed: 3, the longest window the {@code novelty} detector reads, so that one
   * novel value, which stays in its windows for 3 rows, is reported once.
   */
  public static final int DEFAULT_ROWS = 3;

  private final StreamingScorer inner;
  private final int rows;
  private final ArrayDeque<Double> previous = new ArrayDeque<>();

  public OnsetScorer(StreamingScorer inner, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("the onset hold must be at least 1 row, got " + rows);
    }
    this.inner = inner;
    this.rows = rows;
  }

  @Override
  public double next(long timeMillis, double value) {
    double score = inner.next(timeMillis, value);
    boolean onset = true;
    for (double earlier : previous) {
      if (score <= earlier) {
        onset = false;
        break;
      }
    }
    previous.addLast(score);
    if (previous.size() > rows) {
      previous.pollFirst();
    }
    return onset ? score : 0.0;
  }
}
