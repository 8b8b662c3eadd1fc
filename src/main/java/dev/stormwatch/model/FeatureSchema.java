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
 */
public record FeatureSchema(List<String> metrics, int steps, double clip, long minBaselineSamples) {
  /** Log channels after the metric channels: error, warn, info, log-baseline presence. */
  public static final int LOG_CHANNELS = 4;

  public FeatureSchema {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty() || steps < 1 || !(clip > 0)) {
      throw new IllegalArgumentException("feature schema needs metrics, steps >= 1 and clip > 0");
    }
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
