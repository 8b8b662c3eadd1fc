package dev.stormwatch.model;

import java.util.List;

/**
 * The fixed input layout of the hybrid model: for each vocabulary metric a normalised value channel
 * and a presence channel, then error, warn and info log-count channels and a log-baseline presence
 * channel, each over {@code steps} steps.
 *
 * @param metrics the channel vocabulary, learned at training time (other metrics are ignored)
 * @param steps steps per window
 * @param clip normalised values are clipped to [-clip, clip]
 * @param minBaselineSamples a metric's baseline must have learned from this many steps to be used
 * @param compressAbove sigmas beyond which a metric or log-count deviation grows logarithmically
 *     ({@code k + ln(1 + |z| - k)}) before the clip, so that the largest departures still rank
 *     above ordinary excursions; 0: none (artifacts trained before it was introduced)
 */
public record FeatureSchema(List<String> metrics, int steps, double clip, long minBaselineSamples,
    double compressAbove) {
  /** Log channels after the metric channels: error, warn, info, log-baseline presence. */
  public static final int LOG_CHANNELS = 4;

  public FeatureSchema {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty() || steps < 1 || !(clip > 0)) {
      throw new IllegalArgumentException("feature schema needs metrics, steps >= 1 and clip > 0");
    }
    if (!(compressAbove >= 0 && compressAbove < clip)) {
      throw new IllegalArgumentException(
          "compression must start between 0 (none) and the clip " + clip + ", got " + compressAbove);
    }
  }

  /** A schema whose deviations are only clipped, not compressed. */
  public FeatureSchema(List<String> metrics, int steps, double clip, long minBaselineSamples) {
    this(metrics, steps, clip, minBaselineSamples, 0);
  }

  /** The feature value of a deviation of {@code z} sigmas: compressed above the knee, then clipped. */
  public double feature(double z) {
    double a = Math.abs(z);
    double f = compressAbove > 0 && a > compressAbove ? compressAbove + Math.log1p(a - compressAbove) : a;
    return Math.copySign(Math.min(clip, f), z);
  }

  /** The deviation in sigmas a feature value stands for (the inverse of {@link #feature} below the clip). */
  public double sigmas(double feature) {
    double a = Math.abs(feature);
    double z = compressAbove > 0 && a > compressAbove ? compressAbove + Math.expm1(a - compressAbove) : a;
    return Math.copySign(z, feature);
  }

  /** A feature value moved by {@code delta} sigmas (how the anomaly and change injectors edit windows). */
  public float shifted(float feature, double delta) {
    return (float) feature(sigmas(feature) + delta);
  }

  /** Number of input channels. */
  public int channels() {
    return 2 * metrics.size() + LOG_CHANNELS;
  }

  /** Floats per window ({@code channels * steps}). */
  public int size() {
    return channels() * steps;
  }

  /** Channel of metric {@code m}'s normalised value. */
  public int valueChannel(int m) {
    return m;
  }

  /** Channel of metric {@code m}'s presence mask. */
  public int maskChannel(int m) {
    return metrics.size() + m;
  }

  /** Channel of the error-count excess. */
  public int errorChannel() {
    return 2 * metrics.size();
  }

  /** Channel of the warn-count excess. */
  public int warnChannel() {
    return errorChannel() + 1;
  }

  /** Channel of the relative info volume. */
  public int infoChannel() {
    return errorChannel() + 2;
  }

  /** Channel of the log-baseline presence mask. */
  public int logMaskChannel() {
    return errorChannel() + 3;
  }
}
