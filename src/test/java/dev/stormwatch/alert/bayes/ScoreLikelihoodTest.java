package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreLikelihoodTest {
  @Test
  void momentsFitByHand() {
    // mean 0.3, sample variance 0.1/4 = 0.025, k = 0.21/0.025 - 1 = 7.4
    double[] ab = ScoreLikelihood.momentsFit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    assertThat(ab[0]).isCloseTo(0.3 * 7.4, within(1e-12));
    assertThat(ab[1]).isCloseTo(0.7 * 7.4, within(1e-12));
  }

  @Test
  void tooFewScoresKeepDefaults() {
    assertThat(ScoreLikelihood.momentsFit(new double[] {0.1, 0.2})).isNull();
    ScoreLikelihood l = ScoreLikelihood.fit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, new double[0]);
    assertThat(l.incidentAlpha).isEqualTo(5);
    assertThat(l.incidentBeta).isEqualTo(1);
    assertThat(l.normalWeight).isEqualTo(5);
    assertThat(l.incidentWeight).isZero();
  }

  @Test
  void defaultRatioByHand() {
    ScoreLikelihood l = new ScoreLikelihood();
    // Beta(5,1) / Beta(1,5): 5x^4 / 5(1-x)^4
    assertThat(l.likelihoodRatio(0.5)).isCloseTo(1.0, within(1e-9));
    assertThat(l.likelihoodRatio(0.9)).isCloseTo(6561.0, within(1e-6));
    assertThat(l.likelihoodRatio(0.2)).isCloseTo(1.0 / 256, within(1e-9));
  }

  @Test
  void ratioIsClampedAndMonotoneForFittedNormals() {
    double[] normal = new double[200];
    for (int i = 0; i < normal.length; i++) {
      normal[i] = 0.05 + 0.2 * ((i * 37) % 100) / 100.0;
    }
    ScoreLikelihood l = ScoreLikelihood.fit(normal, null);
    assertThat(l.likelihoodRatio(1.0)).isEqualTo(ScoreLikelihood.MAX_RATIO);
    assertThat(l.likelihoodRatio(0.1)).isLessThan(1);
    double previous = 0;
    for (double s = 0.2; s <= 0.6; s += 0.05) {
      double lr = l.likelihoodRatio(s);
      assertThat(lr).isGreaterThanOrEqualTo(previous);
      previous = lr;
    }
    assertThat(l.likelihoodRatio(0.35)).isGreaterThan(l.likelihoodRatio(0.3));
  }

  @Test
  void weightedOnlineUpdateEqualsRepeatedScores() {
    ScoreLikelihood weighted = ScoreLikelihood.fit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, null);
    weighted.addNormal(0.7, 3);
    ScoreLikelihood repeated = ScoreLikelihood.fit(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.7, 0.7}, null);
    assertThat(weighted.normalAlpha).isCloseTo(repeated.normalAlpha, within(1e-12));
    assertThat(weighted.normalBeta).isCloseTo(repeated.normalBeta, within(1e-12));
    assertThat(weighted.normalMean).isCloseTo(3.6 / 8, within(1e-12));
  }

  @Test
  void constantWarmupDoesNotExplode() {
    double[] normal = new double[50];
    java.util.Arrays.fill(normal, 0.02);
    ScoreLikelihood l = ScoreLikelihood.fit(normal, null);
    assertThat(l.normalAlpha).isFinite().isPositive();
    assertThat(l.likelihoodRatio(0.02)).isLessThan(1);
  }
}
