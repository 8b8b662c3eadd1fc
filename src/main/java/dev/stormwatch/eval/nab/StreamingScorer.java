package dev.stormwatch.eval.nab;

/**
 * A univariate streaming anomaly detector: one call per row, in time order, returning a score in
 * [0, 1].
 */
@FunctionalInterface
public interface StreamingScorer {
  /** Consumes the next row and returns its anomaly score in [0, 1]. */
  double next(long timeMillis, double value);
}
