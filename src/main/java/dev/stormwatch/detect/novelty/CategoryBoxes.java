package dev.stormwatch.detect.novelty;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The categories of one fuzzy-ART learner over fixed-length windows of a series, kept as boxes
 * (a lower and an upper bound per position) in the series' own units.
 *
 * <p>A window's mismatch with a box is the box's size once stretched to hold the window, summed
 * over positions and divided by the window length and the value range seen so far: 0 inside a
 * point-sized box, larger the more the window lies outside every box. This is fuzzy ART's match
 * function with complement coding, written in raw units so that the range can grow as the series
 * goes on. A window that matches its best box at least as well as the vigilance resonates with it
 * and moves the box's bounds a fraction {@code learningRate} towards holding the window; any other
 * window becomes a new, point-sized box, until {@code maxCategories} are held.
 */
public final class CategoryBoxes {
  private final int windowLength;
  private final double vigilance;
  private final double learningRate;
  private final int maxCategories;
  private final List<double[]> lower = new ArrayList<>();
  private final List<double[]> upper = new ArrayList<>();

  public CategoryBoxes(int windowLength, double vigilance, double learningRate, int maxCategories) {
    if (windowLength < 1) {
      throw new IllegalArgumentException("window length must be at least 1, got " + windowLength);
    }
    if (!(vigilance > 0.0 && vigilance < 1.0)) {
      throw new IllegalArgumentException("vigilance must be in (0, 1), got " + vigilance);
    }
    if (!(learningRate >= 0.0 && learningRate <= 1.0)) {
      throw new IllegalArgumentException("learning rate must be in [0, 1], got " + learningRate);
    }
    if (maxCategories < 1) {
      throw new IllegalArgumentException("max categories must be at least 1, got " + maxCategories);
    }
    this.windowLength = windowLength;
    this.vigilance = vigilance;
    this.learningRate = learningRate;
    this.maxCategories = maxCategories;
  }

  /** The window length this learner reads. */
  public int windowLength() {
    return windowLength;
  }

  /** How many categories it holds. */
  public int categories() {
    return lower.size();
  }

  /**
   * Scores {@code window} (the newest {@link #windowLength()} values, oldest first) against the
   * categories learned so far, then learns it. Returns the mismatch with the best category, in
   * [0, 1]: 1 when there is none yet.
   *
   * @param range the series' value range so far (maximum minus minimum), positive
   */
  public double observe(double[] window, double range) {
    if (window.length != windowLength) {
      throw new IllegalArgumentException(
          "expected a window of " + windowLength + " values, got " + window.length);
    }
    if (!(range > 0.0)) {
      throw new IllegalArgumentException("range must be positive, got " + range);
    }
    int best = -1;
    double bestMismatch = Double.POSITIVE_INFINITY;
    for (int c = 0; c < lower.size(); c++) {
      double mismatch = mismatch(lower.get(c), upper.get(c), window, range);
      if (mismatch < bestMismatch) {
        bestMismatch = mismatch;
        best = c;
      }
    }
    if (best >= 0 && 1.0 - bestMismatch >= vigilance) {
      learn(lower.get(best), upper.get(best), window);
    } else if (lower.size() < maxCategories) {
      lower.add(window.clone());
      upper.add(window.clone());
    }
    return best < 0 ? 1.0 : Math.min(1.0, bestMismatch);
  }

  /** Writes the categories (not the settings) for {@link #readCategories}. */
  void writeCategories(DataOutput out) throws IOException {
    out.writeInt(lower.size());
    for (int c = 0; c < lower.size(); c++) {
      for (int i = 0; i < windowLength; i++) {
        out.writeDouble(lower.get(c)[i]);
        out.writeDouble(upper.get(c)[i]);
      }
    }
  }

  /** Replaces the categories with those {@link #writeCategories} wrote. */
  void readCategories(DataInput in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > maxCategories) {
      throw new IOException("bad category count " + count + " (at most " + maxCategories + ")");
    }
    lower.clear();
    upper.clear();
    for (int c = 0; c < count; c++) {
      double[] low = new double[windowLength];
      double[] high = new double[windowLength];
      for (int i = 0; i < windowLength; i++) {
        low[i] = in.readDouble();
        high[i] = in.readDouble();
      }
      lower.add(low);
      upper.add(high);
    }
  }

  private double mismatch(double[] low, double[] high, double[] window, double range) {
    double stretched = 0.0;
    for (int i = 0; i < windowLength; i++) {
      stretched += Math.max(high[i], window[i]) - Math.min(low[i], window[i]);
    }
    return stretched / (windowLength * range);
  }

  private void learn(double[] low, double[] high, double[] window) {
    for (int i = 0; i < windowLength; i++) {
      low[i] += learningRate * (Math.min(low[i], window[i]) - low[i]);
      high[i] += learningRate * (Math.max(high[i], window[i]) - high[i]);
    }
  }
}
