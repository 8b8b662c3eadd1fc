package dev.stormwatch.detect.novelty;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A univariate streaming novelty score: the mean mismatch of several fuzzy-ART learners ({@link
 * CategoryBoxes}), one per window length and vigilance, each scoring the newest values against the
 * categories it learned from everything before. A value or short run of values unlike any seen so
 * far scores high; one that repeats a known pattern scores near 0, however rare it is.
 *
 * <p>Mismatches are relative to the range of values seen so far, which only grows, or for the
 * robust learners to the spread between its tail quantiles ({@link TailRange}), so the score needs
 * no knowledge of the future (unlike NAB detectors that are given the file's minimum and maximum).
 * The moving-mean learners read the mean of the newest few values (of as many as there are, at
 * first), relative to the range of those means so far. The first {@code learnRows} values are
 * learned and score 0.
 */
public final class NoveltyScorer {
  private final List<CategoryBoxes> learners = new ArrayList<>();
  private final int fullRangeLearners;
  private final int rawLearners;
  /** Per moving-mean length: how many values the mean spans. */
  private final int[] meanLengths;
  /** Per moving-mean length: the minimum and maximum of its means so far. */
  private final TailRange[] meanRanges;
  /** Moving-mean learners per length (one per vigilance), after the raw-value learners. */
  private final int meanVigilances;
  private final TailRange tailRange;
  private final int learnRows;
  private final double[] recent;
  private int seen;

  public NoveltyScorer(NoveltySettings settings, int learnRows) {
    if (learnRows < 0) {
      throw new IllegalArgumentException("learn rows must not be negative, got " + learnRows);
    }
    addLearners(settings.windowLengths(), settings);
    this.fullRangeLearners = learners.size();
    addLearners(settings.robustWindowLengths(), settings);
    this.rawLearners = learners.size();
    this.meanLengths = settings.meanLengths().stream().mapToInt(Integer::intValue).toArray();
    this.meanRanges = new TailRange[meanLengths.length];
    this.meanVigilances = settings.meanVigilances().size();
    for (int m = 0; m < meanLengths.length; m++) {
      meanRanges[m] = new TailRange(0.0, 1);
      for (double vigilance : settings.meanVigilances()) {
        learners.add(
            new CategoryBoxes(1, vigilance, settings.learningRate(), settings.maxCategories()));
      }
    }
    this.tailRange = new TailRange(settings.tail(), TailRange.DEFAULT_CAPACITY);
    this.learnRows = learnRows;
    this.recent = new double[settings.longestWindow()];
  }

  private void addLearners(List<Integer> lengths, NoveltySettings settings) {
    for (int length : lengths) {
      for (double vigilance : settings.vigilances()) {
        learners.add(
            new CategoryBoxes(length, vigilance, settings.learningRate(), settings.maxCategories()));
      }
    }
  }

  /** Consumes the next value and returns its novelty in [0, 1]; non-finite values are refused. */
  public double next(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("novelty needs finite values, got " + value);
    }
    System.arraycopy(recent, 1, recent, 0, recent.length - 1);
    recent[recent.length - 1] = value;
    seen++;
    tailRange.add(value);
    double range = positive(tailRange.fullSpread());
    double robustRange = positive(tailRange.spread());
    double sum = 0.0;
    for (int i = 0; i < rawLearners; i++) {
      CategoryBoxes learner = learners.get(i);
      int length = learner.windowLength();
      if (seen >= length) {
        double[] window = new double[length];
        System.arraycopy(recent, recent.length - length, window, 0, length);
        sum += learner.observe(window, i < fullRangeLearners ? range : robustRange);
      }
    }
    int learner = rawLearners;
    for (int m = 0; m < meanLengths.length; m++) {
      double[] mean = {recentMean(meanLengths[m])};
      meanRanges[m].add(mean[0]);
      double meanRange = positive(meanRanges[m].fullSpread());
      for (int v = 0; v < meanVigilances; v++) {
        sum += learners.get(learner++).observe(mean, meanRange);
      }
    }
    return seen > learnRows ? sum / learners.size() : 0.0;
  }

  /** A spread as a scale: 1 while the values so far are all the same. */
  private static double positive(double spread) {
    return spread > 0.0 ? spread : 1.0;
  }

  /** The mean of the newest {@code length} values, or of all values while fewer were seen. */
  private double recentMean(int length) {
    int n = Math.min(length, seen);
    double total = 0.0;
    for (int i = recent.length - n; i < recent.length; i++) {
      total += recent[i];
    }
    return total / n;
  }

  /** True while the first {@code learnRows} values are being learned (and score 0). */
  public boolean learning() {
    return seen <= learnRows;
  }

  /** Writes what was learned (not the settings) for {@link #readState}. */
  void writeState(DataOutput out) throws IOException {
    out.writeInt(seen);
    out.writeInt(recent.length);
    DoubleBlocks.write(out, recent, recent.length);
    tailRange.write(out);
    for (CategoryBoxes learner : learners) {
      learner.writeCategories(out);
    }
    for (TailRange meanRange : meanRanges) {
      meanRange.write(out);
    }
  }

  /** Replaces what was learned with what {@link #writeState} wrote, under the same settings. */
  void readState(DataInput in) throws IOException {
    seen = in.readInt();
    int length = in.readInt();
    if (length != recent.length) {
      throw new IOException("saved with windows up to " + length + ", now " + recent.length);
    }
    DoubleBlocks.read(in, recent, length);
    tailRange.read(in);
    for (CategoryBoxes learner : learners) {
      learner.readCategories(in);
    }
    for (TailRange meanRange : meanRanges) {
      meanRange.read(in);
    }
  }

  /**
   * The categories each learner holds: the full-range learners, then the robust ones, then the
   * moving-mean ones, each in the order of window (or mean) lengths, then vigilances.
   */
  public List<Integer> categoryCounts() {
    return learners.stream().map(CategoryBoxes::categories).toList();
  }
}
