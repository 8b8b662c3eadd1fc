package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.alert.bayes.ScoreLikelihood;
import dev.stormwatch.window.WindowAssembly;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The baseline's score spread: larger for baselines learned from few samples. */
class BaselineDetectorSpreadTest {
  private static final BaselineConfig CFG = BaselineConfig.defaults();
  private static final BaselineDetector DETECTOR = new BaselineDetector(CFG);

  /** One latency metric (centre 100, scale 10) whose last three steps sit {@code sigmas} above it. */
  static WindowAssembly window(double sigmas, long baselineSamples) {
    WindowAssembly w = new WindowAssembly();
    w.provider = "aws";
    w.service = "payments";
    w.stepMillis = CFG.stepMillis;
    w.steps = CFG.windowSteps;
    w.end = 1_800_000_000_000L;
    w.start = w.end - w.steps * w.stepMillis;
    w.live = true;
    w.metricNames = new String[] {"latency_p99_ms"};
    w.values = new double[w.steps];
    Arrays.fill(w.values, 100);
    for (int t = w.steps - 3; t < w.steps; t++) {
      w.values[t] = 100 + 10 * sigmas;
    }
    w.expectedCenter = new double[] {100};
    w.expectedScale = new double[] {10};
    w.baselineSamples = new long[] {baselineSamples};
    w.infoCounts = new int[w.steps];
    w.warnCounts = new int[w.steps];
    w.errorCounts = new int[w.steps];
    return w;
  }

  @Test
  void anImmatureBaselineGivesTheSameScoreWithALargerSpread() {
    DetectionResult young = DETECTOR.score(window(6, CFG.metricMatureSamples));
    DetectionResult old = DETECTOR.score(window(6, 50_000));
    assertThat(young.score).isEqualTo(old.score).isGreaterThan(0.7);
    assertThat(old.scoreSpread).isGreaterThan(0);
    assertThat(young.scoreSpread).isGreaterThan(2 * old.scoreSpread);
    // 6 sigma over a 199-sample EWMA: e's sd sqrt((1 + 18) / 199) = 0.31, times the curve's slope
    // exp(-1.5) / 2 = 0.11 at 6 sigma
    assertThat(old.scoreSpread).isCloseTo(0.309 * Math.exp(-1.5) / 2, within(0.003));
  }

  @Test
  void spreadGrowsWithTheDeviationAndVanishesWithoutEvidence() {
    assertThat(DETECTOR.score(window(0, 50_000)).scoreSpread).isZero();
    double atThreshold = DETECTOR.score(window(3, 50)).scoreSpread;
    assertThat(atThreshold).as("evidence at z0 may lie on either side").isGreaterThan(0);
    DetectionResult immature = DETECTOR.score(window(6, CFG.metricMatureSamples - 1));
    assertThat(immature.score).isZero();
    assertThat(immature.scoreSpread).as("unscored metrics carry no evidence").isZero();
  }

  @Test
  void thePosteriorsUncertaintyGrowsWithTheSpread() {
    ScoreLikelihood likelihood = new ScoreLikelihood();
    for (int i = 0; i < 500; i++) {
      likelihood.addNormal(0.02 * (i % 10), 1);
    }
    BetaPrior prior = new BetaPrior();
    PosteriorCalculator calc = PosteriorCalculator.defaults();
    DetectionResult young = DETECTOR.score(window(5, CFG.metricMatureSamples));
    DetectionResult old = DETECTOR.score(window(5, 50_000));
    PosteriorResult fromYoung = calc.evaluate(young.score, likelihood, prior, young.scoreSpread, Double.NaN);
    PosteriorResult fromOld = calc.evaluate(old.score, likelihood, prior, old.scoreSpread, Double.NaN);
    assertThat(fromYoung.posterior()).isEqualTo(fromOld.posterior());
    assertThat(fromYoung.uncertainty()).isGreaterThan(fromOld.uncertainty());
  }
}
