package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.window.WindowAssembly;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class DriftEvidenceTest {
  private static final int STEPS = 10;

  /** A one-metric window whose step t holds z(t) around center 100 with scale 2. */
  private static WindowAssembly window(IntToDoubleFunction z) {
    WindowAssembly w = new WindowAssembly();
    w.steps = STEPS;
    w.metricNames = new String[] {"mem_util"};
    w.values = new double[STEPS];
    for (int t = 0; t < STEPS; t++) {
      w.values[t] = 100 + 2 * z.applyAsDouble(t);
    }
    return w;
  }

  @Test
  void aSteadyRampAwayFromTheBaselineIsDrift() {
    double up = DriftEvidence.of(window(t -> 0.4 * t), 0, 100, 2);
    double down = DriftEvidence.of(window(t -> -0.4 * t), 0, 100, 2);
    assertThat(up).isGreaterThan(3);
    assertThat(down).isLessThan(-3);
  }

  @Test
  void aStepChangeIsNotDrift() {
    assertThat(DriftEvidence.of(window(t -> t < 5 ? 0 : 6), 0, 100, 2)).isZero();
  }

  @Test
  void aReturnTowardsTheBaselineIsRecoveryNotDrift() {
    assertThat(DriftEvidence.of(window(t -> 6 - 0.8 * t), 0, 100, 2)).isZero();
  }

  @Test
  void aRampStillWithinOneScaleIsNotDriftYet() {
    assertThat(DriftEvidence.of(window(t -> -2 + 0.25 * t), 0, 100, 2)).isZero();
  }
}
