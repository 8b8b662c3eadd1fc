package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Operator feedback on a recurring false alarm lowers that key's posterior below the threshold. */
class FalseAlarmFeedbackTest {
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = 14 * DAY;

  private static KeyBelief warmedUp(BetaPrior provider) {
    KeyBelief b = KeyBelief.forNewKey(provider, 200);
    for (int i = 0; i < 500; i++) {
      b.observeWarmup(0.1 + 0.3 * ((i * 61) % 100) / 100.0);
    }
    return b;
  }

  @Test
  void repeatedFalsePositiveFeedbackSilencesTheKnownPatternOnlyForThatKey() {
    PosteriorCalculator calc = PosteriorCalculator.defaults();
    BetaPrior provider = BetaPrior.withMean(0.02, 2000);
    KeyBelief noisy = warmedUp(provider);
    KeyBelief other = warmedUp(provider);
    double nightlyBatchScore = 0.82;

    PosteriorResult first = calc.evaluate(nightlyBatchScore, noisy.likelihood, noisy.prior, 0, Double.NaN);
    assertThat(first.alerting()).as(first.why()).isTrue();

    double previous = first.posterior();
    int alertingNights = 0;
    for (int night = 1; night <= 10; night++) {
      noisy.feedback(BetaPrior.FALSE_POSITIVE, nightlyBatchScore, 15, night * DAY, HALF_LIFE);
      PosteriorResult r = calc.evaluate(nightlyBatchScore, noisy.likelihood, noisy.prior, 0, Double.NaN);
      assertThat(r.posterior()).isLessThan(previous);
      previous = r.posterior();
      alertingNights += r.alerting() ? 1 : 0;
    }
    assertThat(alertingNights).isZero();
    PosteriorResult last = calc.evaluate(nightlyBatchScore, noisy.likelihood, noisy.prior, 0, Double.NaN);
    assertThat(last.posterior()).isLessThan(0.5);
    assertThat(last.level()).isEqualTo(PosteriorResult.NONE);
    assertThat(calc.evaluate(nightlyBatchScore, other.likelihood, other.prior, 0, Double.NaN).alerting()).isTrue();
    // a real incident on the noisy key still pages
    assertThat(calc.evaluate(0.97, noisy.likelihood, noisy.prior, 0, Double.NaN).alerting()).isTrue();
  }

  @Test
  void evaluateTracksRisingAcrossWindows() {
    PosteriorCalculator calc = PosteriorCalculator.defaults();
    KeyBelief b = warmedUp(BetaPrior.withMean(0.02, 2000));
    assertThat(b.evaluate(calc, 0.2, 0, 60_000).level()).isEqualTo(PosteriorResult.NONE);
    PosteriorResult up = b.evaluate(calc, 0.5, 0, 120_000);
    assertThat(b.lastPosterior).isEqualTo(up.posterior());
    // a replayed older window does not move the memory
    b.evaluate(calc, 0.1, 0, 60_000);
    assertThat(b.lastPosterior).isEqualTo(up.posterior());
  }

  @Test
  void keyBeliefIsAFlinkPojo() {
    assertThat(TypeInformation.of(KeyBelief.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
