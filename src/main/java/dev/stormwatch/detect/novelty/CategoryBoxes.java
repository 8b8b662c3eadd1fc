package dev.stormwatch.detect.novelty;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

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
 *
 * <p>The boxes lie in one array, a lower and an upper bound per position, box after box, which is
 * also the layout of the saved state.
 */
public final class CategoryBoxes {
  private static final int FIRST_CAPACITY = 16;
  private final int windowLength;
  private final double vigilance;
  private final double learningRate;
  private final int maxCategories;
  /** Box c, position i: lower bound at {@code 2 * (c * windowLength + i)}, upper bound next. */
  private double[] bounds = new double[0];
  private int count;

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
    return count;
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
    for (int c = 0; c < count; c++) {
      double mismatch = mismatch(c, window, range);
      if (mismatch < bestMismatch) {
        bestMismatch = mismatch;
        best = c;
      }
    }
    if (best >= 0 && 1.0 - bestMismatch >= vigilance) {
      learn(best, window);
    } else if (count < maxCategories) {
      add(window);
    }
    return best < 0 ? 1.0 : Math.min(1.0, bestMismatch);
  }

  /** Writes the categories (not the settings) for {@link #readCategories}. */
  void writeCategories(DataOutput out) throws IOException {
    out.writeInt(count);
    DoubleBlocks.write(out, bounds, 2 * count * windowLength);
  }

  /** Replaces the categories with those {@link #writeCategories} wrote. */
  void readCategories(DataInput in) throws IOException {
    int saved = in.readInt();
    if (saved < 0 || saved > maxCategories) {
      throw new IOException("bad category count " + saved + " (at most " + maxCategories + ")");
    }
    bounds = new double[2 * Math.min(maxCategories, Math.max(saved, FIRST_CAPACITY)) * windowLength];
    DoubleBlocks.read(in, bounds, 2 * saved * windowLength);
    count = saved;
  }

  private double mismatch(int category, double[] window, double range) {
    double stretched = 0.0;
    int at = 2 * category * windowLength;
    for (int i = 0; i < windowLength; i++, at += 2) {
      stretched += Math.max(bounds[at + 1], window[i]) - Math.min(bounds[at], window[i]);
    }
    return stretched / (windowLength * range);
  }

  private void learn(int category, double[] window) {
    int at = 2 * category * windowLength;
    for (int i = 0; i < windowLength; i++, at += 2) {
      bounds[at] += learningRate * (Math.min(bounds[at], window[i]) - bounds[at]);
      bounds[at + 1] += learningRate * (Math.max(bounds[at + 1], window[i]) - bounds[at + 1]);
    }
  }

  /** A new point-sized box at the window. */
  private void add(double[] window) {
    int at = 2 * count * windowLength;
    if (at == bounds.length) {
      int grown = Math.min(maxCategories, Math.max(FIRST_CAPACITY, 2 * count));
      bounds = Arrays.copyOf(bounds, 2 * grown * windowLength);
    }
    for (int i = 0; i < windowLength; i++, at += 2) {
      bounds[at] = window[i];
      bounds[at + 1] = window[i];
    }
    count++;
  }
}
