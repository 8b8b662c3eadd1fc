package dev.stormwatch.eval.calibration;

import dev.stormwatch.alert.bayes.Calibration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Calibration of one probability column (raw score or posterior) against the incident labels.
 *
 * @param name what was scored, {@code score} or {@code posterior}
 * @param windows live windows scored
 * @param positives windows that overlap an incident
 * @param brier Brier score
 * @param ece expected calibration error over {@link #BINS} equal-width bins
 * @param bins the reliability-diagram bins
 */
public record CalibrationRow(String name, int windows, int positives, double brier, double ece,
    Calibration.Bin[] bins) {
  public static final int BINS = 10;

  /** Measures the column {@code probability} of {@code windows} (at least one). */
  public static CalibrationRow of(String name, List<ScoredWindow> windows,
      ToDoubleFunction<ScoredWindow> probability) {
    double[] p = new double[windows.size()];
    boolean[] y = new boolean[windows.size()];
    int positives = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = probability.applyAsDouble(windows.get(i));
      y[i] = windows.get(i).incident();
      positives += y[i] ? 1 : 0;
    }
    return new CalibrationRow(name, p.length, positives, Calibration.brier(p, y),
        Calibration.expectedCalibrationError(p, y, BINS), Calibration.reliability(p, y, BINS));
  }
}
