package dev.stormwatch.detect.novelty;

import java.util.List;

/**
 * Settings of a {@link NoveltyScorer}: one fuzzy-ART learner per pair of window length and
 * vigilance, all with the same learning rate and category cap; some scaled by the full range of
 * values so far, some by a robust range.
 *
 * @param windowLengths how many consecutive values each learner scaled by the full range (minimum
 *     to maximum so far) reads (each at least 1)
 * @param vigilances how well a window must match a category to join it, each in (0, 1); higher
 *     makes smaller categories and more novelty
 * @param learningRate how far a resonating category's bounds move towards the window, in [0, 1]
 * @param maxCategories the most categories one learner holds; past it, novel windows still score
 *     but are no longer learned. The default, 2,000, keeps a metric under 0.5 MB; the most any
 *     NAB file needs is 665 (pure noise, windows of 3 at vigilance 0.95)
 * @param robustWindowLengths window lengths of the learners scaled by the robust range instead,
 *     the spread between the {@code tail} and {@code 1 - tail} quantiles so far ({@link
 *     TailRange}); may be empty. A few early spikes then no longer shrink every later change
 * @param tail the quantile the robust range starts from, in [0, 0.5)
 */
public record NoveltySettings(
    List<Integer> windowLengths,
    List<Double> vigilances,
    double learningRate,
    int maxCategories,
    List<Integer> robustWindowLengths,
    double tail) {

  /**
   * The defaults: windows of 1 and 3 values scaled by the full range and windows of 1 scaled by the
   * range between the 0.5 % and 99.5 % quantiles, each at vigilances 0.90 and 0.95, learning rate
   * 0.1. Chosen on NAB (docs/evaluation.md, "Novelty detector on NAB"), so NAB figures with them
   * are in-sample.
   */
  public static NoveltySettings defaults() {
    return new NoveltySettings(List.of(1, 3), List.of(0.90, 0.95), 0.1, 2_000, List.of(1), 0.005);
  }

  /** Settings without robust-range learners. */
  public NoveltySettings(
      List<Integer> windowLengths, List<Double> vigilances, double learningRate, int maxCategories) {
    this(windowLengths, vigilances, learningRate, maxCategories, List.of(), 0.005);
  }

  public NoveltySettings {
    windowLengths = List.copyOf(windowLengths);
    vigilances = List.copyOf(vigilances);
    robustWindowLengths = List.copyOf(robustWindowLengths);
    if (windowLengths.isEmpty() || vigilances.isEmpty()) {
      throw new IllegalArgumentException("need at least one window length and one vigilance");
    }
    for (int length : concat(windowLengths, robustWindowLengths)) {
      if (length < 1) {
        throw new IllegalArgumentException("window lengths must be at least 1, got " + length);
      }
    }
    if (!(tail >= 0.0 && tail < 0.5)) {
      throw new IllegalArgumentException("tail must be in [0, 0.5), got " + tail);
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

  /**
   * The defaults with some settings replaced, from a spec such as {@code
   * w=1_3:v=0.9_0.95:lr=0.1:rw=1:q=0.005}: fields {@code w} (window lengths), {@code v}
   * (vigilances), {@code lr} (learning rate), {@code rw} (robust window lengths, {@code none} for
   * none) and {@code q} (tail), separated by {@code :}, list items by {@code _}; a field left out
   * keeps its default.
   */
  public static NoveltySettings parse(String spec) {
    NoveltySettings d = defaults();
    List<Integer> windows = d.windowLengths();
    List<Double> vigilances = d.vigilances();
    double learningRate = d.learningRate();
    List<Integer> robust = d.robustWindowLengths();
    double tail = d.tail();
    for (String field : spec.split(":")) {
      if (field.isBlank()) {
        continue;
      }
      String[] kv = field.split("=", 2);
      if (kv.length != 2 || kv[1].isBlank()) {
        throw new IllegalArgumentException("novelty setting '" + field + "' is not NAME=VALUE");
      }
      try {
        switch (kv[0]) {
          case "w" -> windows = java.util.Arrays.stream(kv[1].split("_")).map(Integer::valueOf)
              .toList();
          case "v" -> vigilances = java.util.Arrays.stream(kv[1].split("_")).map(Double::valueOf)
              .toList();
          case "lr" -> learningRate = Double.parseDouble(kv[1]);
          case "rw" -> robust = kv[1].equals("none") ? List.of()
              : java.util.Arrays.stream(kv[1].split("_")).map(Integer::valueOf).toList();
          case "q" -> tail = Double.parseDouble(kv[1]);
          default -> throw new IllegalArgumentException(
              "unknown novelty setting '" + kv[0] + "' (w, v, lr, rw, q)");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("novelty setting '" + field + "' is not a number list");
      }
    }
    return new NoveltySettings(windows, vigilances, learningRate, d.maxCategories(), robust, tail);
  }

  /** The longest window any learner reads. */
  public int longestWindow() {
    return concat(windowLengths, robustWindowLengths).stream().mapToInt(Integer::intValue).max()
        .orElseThrow();
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
