package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyLikelihoodTest {
  private static final AnomalyLikelihood.Params SMALL =
      new AnomalyLikelihood.Params(5, 400, 50, 0.005, 5.0);

  @Test
  void tailMatchesKnownNormalQuantiles() {
    assertThat(AnomalyLikelihood.log10UpperTail(0.0)).isCloseTo(Math.log10(0.5), within(1e-6));
    assertThat(AnomalyLikelihood.log10UpperTail(1.959964)).isCloseTo(Math.log10(0.025), within(1e-5));
    assertThat(AnomalyLikelihood.log10UpperTail(4.264891)).isCloseTo(-5.0, within(1e-4));
    assertThat(AnomalyLikelihood.log10UpperTail(40.0)).isFinite().isLessThan(-300);
  }

  @Test
  void scoresZeroUntilWarmedUpAndStaysLowOnStationaryNoise() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(SMALL);
    Random random = new Random(3);
    double max = 0;
    for (int i = 0; i < 2_000; i++) {
      double score = likelihood.next(0.2 + 0.05 * random.nextGaussian());
      if (i < SMALL.warmup()) {
        assertThat(score).isZero();
      } else {
        max = Math.max(max, score);
      }
    }
    assertThat(max).isLessThan(0.5);
  }

  @Test
  void aLastingRiseInRawScoresStandsOutThenBecomesTheNewNormal() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(SMALL);
    Random random = new Random(5);
    for (int i = 0; i < 500; i++) {
      likelihood.next(0.1 + 0.02 * random.nextGaussian());
    }
    double peak = 0;
    for (int i = 0; i < 10; i++) {
      peak = Math.max(peak, likelihood.next(0.6 + 0.02 * random.nextGaussian()));
    }
    assertThat(peak).isGreaterThan(0.9);
    double late = 1;
    for (int i = 0; i < 1_000; i++) {
      late = likelihood.next(0.6 + 0.02 * random.nextGaussian());
    }
    assertThat(late).isLessThan(0.5);
  }

  @Test
  void aFlatHistoryDoesNotMakeTheFirstSmallMoveCertain() {
    AnomalyLikelihood likelihood = new AnomalyLikelihood(SMALL);
    for (int i = 0; i < 200; i++) {
      likelihood.next(0.0);
    }
    double small = likelihood.next(0.01);
    assertThat(small).isBetween(0.0, 0.1);
    assertThat(likelihood.next(Double.NaN)).isBetween(0.0, 1.0);
  }

  @Test
  void extremeScoresStayOrderedBelowOne() {
    AnomalyLikelihood a = new AnomalyLikelihood(SMALL);
    AnomalyLikelihood b = new AnomalyLikelihood(SMALL);
    Random random = new Random(9);
    for (int i = 0; i < 300; i++) {
      double raw = 0.1 + 0.01 * random.nextGaussian();
      a.next(raw);
      b.next(raw);
    }
    double bigger = a.next(1.0);
    double smaller = b.next(0.7);
    assertThat(bigger).isGreaterThan(smaller).isLessThan(1.0);
  }

  @Test
  void rejectsInvalidParameters() {
    assertThatThrownBy(() -> new AnomalyLikelihood.Params(0, 10, 5, 0.01, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnomalyLikelihood.Params(5, 10, 20, 0.01, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnomalyLikelihood.Params(5, 10, 5, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
