package dev.stormwatch.alert.bayes;

/**
 * Calibration of predicted probabilities against 0/1 outcomes: Brier score, expected calibration
 * error and reliability-diagram bins (equal-width bins over [0, 1], 1.0 falls in the last bin).
 */
public final class Calibration {
  /** One reliability-diagram bin: predictions in [lower, upper). */
  public record Bin(double lower, double upper, int count, double meanPredicted, double observedRate) {}

  private Calibration() {}

  /** Mean of (p - y)^2. */
  public static double brier(double[] predicted, boolean[] outcome) {
    check(predicted, outcome);
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - (outcome[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / predicted.length;
  }

  /** Sum over bins of (bin count / n) * |mean predicted - observed rate|, with 10 bins. */
  public static double expectedCalibrationError(double[] predicted, boolean[] outcome) {
    return expectedCalibrationError(predicted, outcome, 10);
  }

  public static double expectedCalibrationError(double[] predicted, boolean[] outcome, int bins) {
    double ece = 0;
    for (Bin b : reliability(predicted, outcome, bins)) {
      if (b.count() > 0) {
        ece += (double) b.count() / predicted.length * Math.abs(b.meanPredicted() - b.observedRate());
      }
    }
    return ece;
  }

  /** The reliability diagram: every bin, empty ones with count 0 and NaN means. */
  public static Bin[] reliability(double[] predicted, boolean[] outcome, int bins) {
    check(predicted, outcome);
    int[] count = new int[bins];
    double[] sumP = new double[bins];
    int[] positives = new int[bins];
    for (int i = 0; i < predicted.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(predicted[i] * bins)));
      count[b]++;
      sumP[b] += predicted[i];
      positives[b] += outcome[i] ? 1 : 0;
    }
    Bin[] out = new Bin[bins];
    for (int b = 0; b < bins; b++) {
      out[b] = new Bin((double) b / bins, (double) (b + 1) / bins, count[b],
          count[b] == 0 ? Double.NaN : sumP[b] / count[b],
          count[b] == 0 ? Double.NaN : (double) positives[b] / count[b]);
    }
    return out;
  }

  private static void check(double[] predicted, boolean[] outcome) {
    if (predicted.length != outcome.length || predicted.length == 0) {
      throw new IllegalArgumentException("need equally many predictions and outcomes, at least one");
    }
  }
}
