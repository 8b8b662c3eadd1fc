package dev.stormwatch.detect;

import java.util.Arrays;

/**
 * How rare a detector's score is among the scores it gave recently: the share of the last
 * {@code capacity} scores at or above it, with one pseudo-count so that it is never 0. Lookups read
 * a sorted snapshot of the history, refreshed every {@code capacity / 20} scores, so a lookup costs
 * a binary search. Assumes, as anomaly detection does, that most recent windows were normal.
 */
final class ScoreTail {
  private final double[] ring;
  private final int refreshEvery;
  private int size;
  private int next;
  private int sinceRefresh;
  private double[] sorted = new double[0];

  ScoreTail(int capacity) {
    if (capacity < 20) {
      throw new IllegalArgumentException("score history must hold at least 20 scores, got " + capacity);
    }
    this.ring = new double[capacity];
    this.refreshEvery = capacity / 20;
  }

  /** Records a score. */
  void add(double score) {
    ring[next] = score;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
    if (++sinceRefresh >= refreshEvery || sorted.length < refreshEvery) {
      sorted = Arrays.copyOf(ring, size);
      Arrays.sort(sorted);
      sinceRefresh = 0;
    }
  }

  /** {@code (1 + scores >= s) / (1 + scores)} over the snapshot. */
  double tail(double score) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < score) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (1.0 + sorted.length - lo) / (1.0 + sorted.length);
  }
}
