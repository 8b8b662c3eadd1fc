package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceSpreadTest {

  @Test
  void effectiveSamplesFollowTheEwmaMemory() {
    assertThat(EvidenceSpread.effectiveSamples(30, 0.01)).isEqualTo(30);
    assertThat(EvidenceSpread.effectiveSamples(1_000_000, 0.01)).isCloseTo(199, within(1e-9));
    assertThat(EvidenceSpread.effectiveSamples(0, 0.01)).isEqualTo(1);
  }

  /** Monte Carlo: z of a fixed value against a mean/sd estimated from n normal samples. */
  @Test
  void matchesTheSpreadOfZUnderEstimatedBaselines() {
    Random rnd = new Random(5);
    int n = 40;
    double trueZ = 5;
    int trials = 20_000;
    double sum = 0;
    double sumSq = 0;
    for (int k = 0; k < trials; k++) {
      double s = 0;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double x = rnd.nextGaussian();
        s += x;
        ss += x * x;
      }
      double mean = s / n;
      double sd = Math.sqrt((ss - s * s / n) / (n - 1));
      double z = (trueZ - mean) / sd;
      sum += z;
      sumSq += z * z;
    }
    double empirical = Math.sqrt(sumSq / trials - (sum / trials) * (sum / trials));
    assertThat(EvidenceSpread.ofEvidence(trueZ, 1, n)).isCloseTo(empirical, within(0.1 * empirical));
  }

  @Test
  void scoreSpreadIsTheCurvesHalfDifference() {
    BaselineConfig cfg = BaselineConfig.defaults();
    assertThat(EvidenceSpread.ofScore(cfg, 6, 0)).isZero();
    assertThat(EvidenceSpread.ofScore(cfg, 6, 0.5))
        .isCloseTo((cfg.scoreOf(6.5) - cfg.scoreOf(5.5)) / 2, within(1e-12));
    assertThat(EvidenceSpread.ofScore(cfg, 1, 0.5)).as("far below z0").isZero();
    assertThat(EvidenceSpread.ofScore(cfg, 6, 0.5)).isLessThan(EvidenceSpread.ofScore(cfg, 4, 0.5));
  }
}
