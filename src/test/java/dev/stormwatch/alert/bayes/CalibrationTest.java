package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final double[] P = {0.1, 0.2, 0.8, 0.9};
  private static final boolean[] Y = {false, true, true, true};

  @Test
  void brierByHand() {
    // (0.01 + 0.64 + 0.04 + 0.01) / 4
    assertThat(Calibration.brier(P, Y)).isCloseTo(0.175, within(1e-12));
    assertThat(Calibration.brier(new double[] {1, 0}, new boolean[] {true, false})).isZero();
  }

  @Test
  void eceByHand() {
    // one prediction per bin 1, 2, 8, 9: |0.1-0| + |0.2-1| + |0.8-1| + |0.9-1| over 4
    assertThat(Calibration.expectedCalibrationError(P, Y)).isCloseTo((0.1 + 0.8 + 0.2 + 0.1) / 4, within(1e-12));
    // two bins: [0, .5) holds 0.1, 0.2 (mean .15, rate .5); [.5, 1] holds .8, .9 (mean .85, rate 1)
    assertThat(Calibration.expectedCalibrationError(P, Y, 2)).isCloseTo(0.5 * 0.35 + 0.5 * 0.15, within(1e-12));
  }

  @Test
  void reliabilityBins() {
    double[] p = {0.05, 0.07, 0.95, 1.0};
    boolean[] y = {false, true, true, true};
    Calibration.Bin[] bins = Calibration.reliability(p, y, 10);
    assertThat(bins).hasSize(10);
    assertThat(bins[0].count()).isEqualTo(2);
    assertThat(bins[0].meanPredicted()).isCloseTo(0.06, within(1e-12));
    assertThat(bins[0].observedRate()).isEqualTo(0.5);
    assertThat(bins[9].count()).isEqualTo(2);
    assertThat(bins[9].lower()).isCloseTo(0.9, within(1e-12));
    assertThat(bins[5].count()).isZero();
    assertThat(bins[5].meanPredicted()).isNaN();
  }

  @Test
  void perfectlyCalibratedHasZeroEce() {
    double[] p = {0.25, 0.25, 0.25, 0.25};
    boolean[] y = {true, false, false, false};
    assertThat(Calibration.expectedCalibrationError(p, y)).isCloseTo(0, within(1e-12));
  }
}
