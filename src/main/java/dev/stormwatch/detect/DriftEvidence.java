package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;

/**
 * Evidence of a sustained one-sided drift of one metric across the whole window (leaks, filling
 * disks, creeping latency), in sigmas: the least-squares slope of the window's z-scores over its
 * standard error under unit noise, counted only when each half of the window drifts the same way at
 * least 30% as fast as the whole (a single step change or spike is flat in at least one half), the latest value already deviates at
 * least one scale in that direction and the window started no more than one scale on the other
 * side (a return towards the baseline after an excursion is recovery, not drift). Positive for upward drift, negative for downward, 0 for none.
 */
final class DriftEvidence {
  /** Least share of the whole window's slope each half must show (rejects one step change). */
  private static final double HALF_SHARE = 0.3;

  private DriftEvidence() {}

  /** Signed drift evidence of metric m given its expectation; 0 with fewer than 6 valued steps. */
  static double of(WindowAssembly w, int m, double center, double scale) {
    int half = w.steps / 2;
    double full = slope(w, m, 0, w.steps, center, scale, true);
    if (w.steps < 6 || Double.isNaN(full)) {
      return 0;
    }
    double first = slope(w, m, 0, half, center, scale, false);
    double second = slope(w, m, half, w.steps, center, scale, false);
    double overall = slope(w, m, 0, w.steps, center, scale, false);
    double last = w.value(m, w.steps - 1);
    if (Double.isNaN(first) || Double.isNaN(second) || !Double.isFinite(last)) {
      return 0;
    }
    double sign = Math.signum(full);
    double zLast = (last - center) / scale;
    boolean sustained = first * sign >= HALF_SHARE * Math.abs(overall)
        && second * sign >= HALF_SHARE * Math.abs(overall);
    boolean awayFromBaseline = zLast * sign >= 1 && firstValue(w, m, center, scale) * sign >= -1;
    return sustained && awayFromBaseline ? full : 0;
  }

  /** The z of the window's first valued step (NaN when none). */
  private static double firstValue(WindowAssembly w, int m, double center, double scale) {
    for (int t = 0; t < w.steps; t++) {
      double v = w.value(m, t);
      if (Double.isFinite(v)) {
        return (v - center) / scale;
      }
    }
    return Double.NaN;
  }

  /**
   * Slope of z over steps [from, to): in sigmas per step, or (asT) over its unit-noise standard
   * error; NaN with fewer than 3 valued steps.
   */
  private static double slope(WindowAssembly w, int m, int from, int to, double center, double scale,
      boolean asT) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int t = from; t < to; t++) {
      double v = w.value(m, t);
      if (Double.isFinite(v)) {
        double z = (v - center) / scale;
        n++;
        sx += t;
        sy += z;
        sxx += (double) t * t;
        sxy += t * z;
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    double cxx = sxx - sx * sx / n;
    double b = (sxy - sx * sy / n) / cxx;
    return asT ? b * Math.sqrt(cxx) : b;
  }
}
