package dev.stormwatch.detect.novelty;

import java.util.List;

/**
 * Settings of a {@link NoveltyScorer}: one fuzzy-ART learner per pair of window length and
 * vigilance, all with the same learning rate and category cap; some scaled by the full range of
 * values so far, some by a robust range, and some reading the series' moving mean.
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
 * @param meanLengths for each, learners of single values of the mean of that many newest values,
 *     scaled by the full range of those means so far; may be empty. A level change too small to
 *     stand out of a noisy series stands out of its mean
 * @param meanVigilances the vigilances of the moving-mean learners, each in (0, 1)
 */
public record NoveltySettings(
    List<Integer> windowLengths,
    List<Double> vigilances,
    double learningRate,
    int maxCategories,
    List<Integer> robustWindowLengths,
    double tail,
    List<Integer> meanLengths,
    List<Double> meanVigilances) {

  /**
   * The defaults: windows of 1 and 3 values scaled by the full range and windows of 1 scaled by the
   * range between the 0.5 % and 99.5 % quantiles, each at vigilances 0.90 and 0.95, learning rate
   * 0.1; no moving-mean learners (they raise NAB in-sample but lower it cross-validated). Chosen on
   * NAB (docs/evaluation.md, "Novelty detector on NAB"), so NAB figures with them are in-sample.
   */
  public static NoveltySettings defaults() {
    return new NoveltySettings(List.of(1, 3), List.of(0.90, 0.95), 0.1, 2_000, List.of(1), 0.005,
        List.of(), List.of(0.90));
  }

  /** Settings without robust-range or moving-mean learners. */
  public NoveltySettings(
      List<Integer> windowLengths, List<Double> vigilances, double learningRate, int maxCategories) {
    this(windowLengths, vigilances, learningRate, maxCategories, List.of(), 0.005, List.of(),
        List.of(0.90));
  }

  public NoveltySettings {
    windowLengths = List.copyOf(windowLengths);
    vigilances = List.copyOf(vigilances);
    robustWindowLengths = List.copyOf(robustWindowLengths);
    meanLengths = List.copyOf(meanLengths);
    meanVigilances = List.copyOf(meanVigilances);
    if (windowLengths.isEmpty() || vigilances.isEmpty()) {
      throw new IllegalArgumentException("need at least one window length and one vigilance");
    }
    for (int length : concat(windowLengths, concat(robustWindowLengths, meanLengths))) {
      if (length < 1) {
        throw new IllegalArgumentException("window lengths must be at least 1, got " + length);
      }
    }
    if (!(tail >= 0.0 && tail < 0.5)) {
      throw new IllegalArgumentException("tail must be in [0, 0.5), got " + tail);
    }
    if (meanVigilances.isEmpty()) {
      throw new IllegalArgumentException("need at least one moving-mean vigilance");
    }
    for (double vigilance : java.util.stream.Stream.concat(vigilances.stream(),
        meanVigilances.stream()).toList()) {
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
   * w=1_3:v=0.9_0.95:lr=0.1:rw=1:q=0.005:m=8:mv=0.9}: fields {@code w} (window lengths), {@code
   * v} (vigilances), {@code lr} (learning rate), {@code rw} (robust window lengths, {@code none}
   * for none), {@code q} (tail), {@code m} (moving-mean lengths, {@code none} for none) and {@code
   * mv} (their vigilances, default 0.90), separated by {@code :}, list items by {@code _}; a field
   * left out keeps its default.
   */
  public static NoveltySettings parse(String spec) {
    NoveltySettings d = defaults();
    List<Integer> windows = d.windowLengths();
    List<Double> vigilances = d.vigilances();
    double learningRate = d.learningRate();
    List<Integer> robust = d.robustWindowLengths();
    double tail = d.tail();
    List<Integer> means = d.meanLengths();
    List<Double> meanVigilances = d.meanVigilances();
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
          case "w" -> windows = integers(kv[1]);
          case "v" -> vigilances = doubles(kv[1]);
          case "lr" -> learningRate = Double.parseDouble(kv[1]);
          case "rw" -> robust = kv[1].equals("none") ? List.of() : integers(kv[1]);
          case "q" -> tail = Double.parseDouble(kv[1]);
          case "m" -> means = kv[1].equals("none") ? List.of() : integers(kv[1]);
          case "mv" -> meanVigilances = doubles(kv[1]);
          default -> throw new IllegalArgumentException(
              "unknown novelty setting '" + kv[0] + "' (w, v, lr, rw, q, m, mv)");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("novelty setting '" + field + "' is not a number list");
      }
    }
    return new NoveltySettings(windows, vigilances, learningRate, d.maxCategories(), robust, tail,
        means, meanVigilances);
  }

  private static List<Integer> integers(String list) {
    return java.util.Arrays.stream(list.split("_")).map(Integer::valueOf).toList();
  }

  private static List<Double> doubles(String list) {
    return java.util.Arrays.stream(list.split("_")).map(Double::valueOf).toList();
  }

  /** The most recent values any learner reads: its longest window or moving mean. */
  public int longestWindow() {
    return concat(windowLengths, concat(robustWindowLengths, meanLengths)).stream()
        .mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
