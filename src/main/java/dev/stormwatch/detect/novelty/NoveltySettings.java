package dev.stormwatch.detect.novelty;

import java.util.List;

/**
 * Settings of a {@link NoveltyScorer}: one fuzzy-ART learner per pair of window length and
 * vigilance, all with the same learning rate and category cap.
 *
 * @param windowLengths how many consecutive values each learner reads (each at least 1)
 * @param vigilances how well a window must match a category to join it, each in (0, 1); higher
 *     makes smaller categories and more novelty
 * @param learningRate how far a resonating category's bounds move towards the window, in [0, 1]
 * @param maxCategories the most categories one learner holds; past it, novel windows still score
 *     but are no longer learned
 */
public record NoveltySettings(
    List<Integer> windowLengths, List<Double> vigilances, double learningRate, int maxCategories) {

  /**
   * The defaults: windows of 1 and 3 values, vigilances 0.90 and 0.95, learning rate 0.1. Chosen on
   * NAB (docs/evaluation.md, "Novelty detector on NAB"), so NAB figures with them are in-sample.
   */
  public static NoveltySettings defaults() {
    return new NoveltySettings(List.of(1, 3), List.of(0.90, 0.95), 0.1, 20_000);
  }

  public NoveltySettings {
    windowLengths = List.copyOf(windowLengths);
    vigilances = List.copyOf(vigilances);
    if (windowLengths.isEmpty() || vigilances.isEmpty()) {
      throw new IllegalArgumentException("need at least one window length and one vigilance");
    }
    for (int length : windowLengths) {
      if (length < 1) {
        throw new IllegalArgumentException("window lengths must be at least 1, got " + length);
      }
    }
    for (double vigilance : vigilances) {
      if (!(vigilance > 0.0 && vigilance < 1.0)) {
        throw new IllegalArgumentException("vigilances must be in (0, 1), got " + vigilance);
      }
    }
    if (!(learningRate >= 0.0 && learningRate <= 1.0)) {
      throw new IllegalArgumentException("learning rate must be in [0, 1], got " + learningRate);
    }
    if (maxCategories < 1) {
      throw new IllegalArgumentException("max categories must be at least 1, got " + maxCategories);
    }
  }

  /** The longest window any learner reads. */
  public int longestWindow() {
    return windowLengths.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }
}
