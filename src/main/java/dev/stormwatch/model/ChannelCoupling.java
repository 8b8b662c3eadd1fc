package dev.stormwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which metric channels move together in normal windows (Pearson correlation of their normalised
 * values over the steps where both are present), so that a synthetic anomaly on one channel also
 * moves its correlated partners, as a real fault does: CPU in millicores and in percent, or a
 * latency's p90, p95 and p99. Without it the injected anomalies teach the model that an anomaly is
 * one channel leaving its partners, and a real fault that moves them all reads as normal.
 */
public final class ChannelCoupling {
  /** Fewest steps with both channels present before their correlation is trusted. */
  static final int MIN_PAIRED_STEPS = 50;

  private final FeatureSchema schema;
  private final double[][] weights;

  private ChannelCoupling(FeatureSchema schema, double[][] weights) {
    this.schema = schema;
    this.weights = weights;
  }

  /** No coupling: every injection moves one channel (and the level-shift partner it draws). */
  public static ChannelCoupling none(FeatureSchema schema) {
    int n = schema.metrics().size();
    return new ChannelCoupling(schema, new double[n][n]);
  }

  /**
   * Learns the coupling from normal feature rows: channels whose correlation is at least {@code
   * minCorrelation} in magnitude are partners, weighted by the correlation; 0 or above 1: none.
   */
  public static ChannelCoupling learn(FeatureSchema schema, List<float[]> normalRows,
      double minCorrelation) {
    int n = schema.metrics().size();
    double[][] w = new double[n][n];
    if (!(minCorrelation > 0 && minCorrelation <= 1)) {
      return new ChannelCoupling(schema, w);
    }
    int steps = schema.steps();
    double[][] sx = new double[n][n];
    double[][] sxx = new double[n][n];
    double[][] sxy = new double[n][n];
    long[][] count = new long[n][n];
    double[] v = new double[n];
    boolean[] p = new boolean[n];
    for (float[] x : normalRows) {
      for (int t = 0; t < steps; t++) {
        for (int m = 0; m < n; m++) {
          p[m] = x[schema.maskChannel(m) * steps + t] > 0;
          v[m] = x[schema.valueChannel(m) * steps + t];
        }
        for (int i = 0; i < n; i++) {
          if (!p[i]) {
            continue;
          }
          for (int j = 0; j < n; j++) {
            if (j != i && p[j]) {
              sx[i][j] += v[i];
              sxx[i][j] += v[i] * v[i];
              sxy[i][j] += v[i] * v[j];
              count[i][j]++;
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        long c = count[i][j];
        if (j == i || c < MIN_PAIRED_STEPS) {
          continue;
        }
        double vi = sxx[i][j] / c - sq(sx[i][j] / c);
        double vj = sxx[j][i] / c - sq(sx[j][i] / c);
        if (!(vi > 1e-12 && vj > 1e-12)) {
          continue;
        }
        double r = (sxy[i][j] / c - (sx[i][j] / c) * (sx[j][i] / c)) / Math.sqrt(vi * vj);
        if (Math.abs(r) >= minCorrelation) {
          w[i][j] = Math.max(-1, Math.min(1, r));
        }
      }
    }
    return new ChannelCoupling(schema, w);
  }

  /**
   * The weight with which channel {@code j} follows an anomaly on {@code m} (0: not at all, and
   * always for {@code j == m}).
   */
  public double weight(int m, int j) {
    return weights[m][j];
  }

  /** The coupled pairs, each once, as {@code "a~b r"} (for the manifest's training summary). */
  public List<String> pairs() {
    List<String> out = new ArrayList<>();
    List<String> names = schema.metrics();
    for (int i = 0; i < weights.length; i++) {
      for (int j = i + 1; j < weights.length; j++) {
        if (weights[i][j] != 0) {
          out.add(String.format(Locale.ROOT, "%s~%s %.2f", names.get(i), names.get(j), weights[i][j]));
        }
      }
    }
    return out;
  }

  private static double sq(double x) {
    return x * x;
  }
}
