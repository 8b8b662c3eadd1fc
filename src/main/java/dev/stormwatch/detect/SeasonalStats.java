package dev.stormwatch.detect;

/**
 * Robust seasonal EWMA arithmetic over flat arrays: each slot owns 25 buckets (24 UTC hours of day
 * and one global bucket) of level (EWMA of the winsorised value), scale (EWMA of the winsorised
 * absolute deviation, in sigma units) and sample count.
 *
 * <p>The expectation at a time covers two readings of the daily profile: the interpolation between
 * the two hour buckets whose centres bracket it (smooth trends), and the time's own hour bucket
 * (step changes on the hour). Each hour bucket is weighted by its maturity (count /
 * hourMatureSamples, at most 1), the rest of the weight going to the global bucket, so a young hour
 * bucket blends smoothly into the global one. The center is the midpoint of both readings and the
 * scale the larger of their scales plus half their gap, so a value consistent with either is
 * within one scale. A configuration without an hour-of-day profile uses the global bucket alone.
 */
final class SeasonalStats {
  /** Buckets per slot: 24 hours of day and the global bucket. */
  static final int BUCKETS = 25;
  /** Index of the global bucket within a slot. */
  static final int GLOBAL = 24;
  /** Mean absolute deviation to standard deviation for Gaussian noise: sqrt(pi / 2). */
  static final double MAD_TO_SIGMA = Math.sqrt(Math.PI / 2);

  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private SeasonalStats() {}

  /** The UTC hour of day (0-23) of a time. */
  static int hourOf(long timeMillis) {
    return (int) (Math.floorMod(timeMillis, DAY) / HOUR);
  }

  /** Samples the slot's global bucket holds. */
  static int samples(int[] count, int slot) {
    return count[slot * BUCKETS + GLOBAL];
  }

  /** The smallest scale allowed at a center: relative/absolute for metrics, Poisson for counts. */
  static double floor(double center, boolean counts, BaselineConfig cfg) {
    if (counts) {
      return Math.sqrt(Math.max(center, cfg.poissonMinMean));
    }
    return Math.max(cfg.relativeScaleFloor * Math.abs(center), cfg.absoluteScaleFloor);
  }

  /**
   * Writes the blended center and (unfloored) scale at a time into {@code out[0..1]}; without
   * {@link BaselineConfig#hourOfDay}, the global bucket's.
   *
   * @return false when the slot has no sample yet
   */
  static boolean expect(
      double[] level, double[] scale, int[] count, int slot, long time, BaselineConfig cfg,
      double[] out) {
    int base = slot * BUCKETS;
    if (count[base + GLOBAL] == 0) {
      return false;
    }
    if (!cfg.hourOfDay) {
      out[0] = level[base + GLOBAL];
      out[1] = scale[base + GLOBAL];
      return true;
    }
    int hourMature = cfg.hourMatureSamples;
    double pos = Math.floorMod(time, DAY) / (double) HOUR - 0.5;
    int lower = (int) Math.floor(pos);
    double f = pos - lower;
    int h0 = Math.floorMod(lower, 24);
    int h1 = (h0 + 1) % 24;
    double w0 = (1 - f) * maturity(count[base + h0], hourMature);
    double w1 = f * maturity(count[base + h1], hourMature);
    double wg = 1 - w0 - w1;
    double interpCenter = w0 * level[base + h0] + w1 * level[base + h1] + wg * level[base + GLOBAL];
    double interpScale = w0 * scale[base + h0] + w1 * scale[base + h1] + wg * scale[base + GLOBAL];
    int own = base + hourOf(time);
    double wo = maturity(count[own], hourMature);
    double ownCenter = wo * level[own] + (1 - wo) * level[base + GLOBAL];
    double ownScale = wo * scale[own] + (1 - wo) * scale[base + GLOBAL];
    double gap = Math.abs(interpCenter - ownCenter);
    out[0] = (interpCenter + ownCenter) / 2;
    out[1] = Math.max(interpScale, ownScale) + gap / 2;
    return true;
  }

  /**
   * Learns one sample into its hour bucket (with {@link BaselineConfig#hourOfDay}) and the global
   * bucket ({@code minScale}: an extra
   * scale floor). Each bucket winsorises the
   * sample against its own level once it holds {@code clipAfterSamples}: the value is clipped to
   * level ± winsorK · scale and, when it had to be clipped, learned with alpha · outlierWeight.
   */
  static void learn(
      double[] level, double[] scale, int[] count, int slot, long time, double x, boolean counts,
      double minScale, BaselineConfig cfg) {
    int base = slot * BUCKETS;
    if (cfg.hourOfDay) {
      double[] e = new double[2];
      double initScale = expect(level, scale, count, slot, time, cfg, e) ? e[1] : 0.0;
      update(level, scale, count, base + hourOf(time), x, initScale, counts, minScale, cfg);
    }
    update(level, scale, count, base + GLOBAL, x, 0.0, counts, minScale, cfg);
  }

  /** Resets a slot's buckets to empty. */
  static void clear(double[] level, double[] scale, int[] count, int slot) {
    int base = slot * BUCKETS;
    for (int b = 0; b < BUCKETS; b++) {
      level[base + b] = 0;
      scale[base + b] = 0;
      count[base + b] = 0;
    }
  }

  private static void update(
      double[] level, double[] scale, int[] count, int i, double x, double initScale,
      boolean counts, double minScale, BaselineConfig cfg) {
    int n = count[i];
    if (n == 0) {
      level[i] = x;
      scale[i] = initScale;
      count[i] = 1;
      return;
    }
    double weight = 1.0;
    double clipped = x;
    if (n >= cfg.clipAfterSamples) {
      double s = Math.max(scale[i], Math.max(minScale, floor(level[i], counts, cfg)));
      double bound = cfg.winsorK * s;
      if (Math.abs(x - level[i]) > bound) {
        clipped = x > level[i] ? level[i] + bound : level[i] - bound;
        weight = cfg.outlierWeight;
      }
    }
    double a = Math.max(cfg.ewmaAlpha, 1.0 / (n + 1)) * weight;
    double d = Math.abs(clipped - level[i]) * MAD_TO_SIGMA;
    level[i] += a * (clipped - level[i]);
    scale[i] += a * (d - scale[i]);
    if (n < Integer.MAX_VALUE) {
      count[i] = n + 1;
    }
  }

  private static double maturity(int n, int hourMature) {
    return Math.min(1.0, n / (double) hourMature);
  }
}
