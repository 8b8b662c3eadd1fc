package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PosteriorCalculatorTest {
  private final PosteriorCalculator calc = PosteriorCalculator.defaults();
  private final ScoreLikelihood defaults = new ScoreLikelihood();

  @Test
  void posteriorArithmeticByHand() {
    assertThat(PosteriorCalculator.posterior(9, 0.1)).isCloseTo(0.5, within(1e-12));
    assertThat(PosteriorCalculator.posterior(19, 0.5)).isCloseTo(0.95, within(1e-12));
    assertThat(PosteriorCalculator.posterior(1, 0.3)).isCloseTo(0.3, within(1e-12));
    assertThat(PosteriorCalculator.posterior(4, 0.2)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void criticalWithConfidentPrior() {
    // LR(0.9) = 6561, p = 0.1: 656.1 / (656.1 + 0.9)
    PosteriorResult r = calc.evaluate(0.9, defaults, BetaPrior.withMean(0.1, 2000), 0, Double.NaN);
    assertThat(r.posterior()).isCloseTo(656.1 / 657.0, within(1e-9));
    assertThat(r.level()).isEqualTo(PosteriorResult.CRITICAL);
    assertThat(r.uncertainty()).isLessThan(0.01);
    assertThat(r.why()).contains("P(incident)=0.999").contains("above critical");
  }

  @Test
  void errorBand() {
    // p = 0.001: 6.561 / (6.561 + 0.999) = 0.8679
    PosteriorResult r = calc.evaluate(0.9, defaults, BetaPrior.withMean(0.001, 100_000), 0, 0.9);
    assertThat(r.posterior()).isCloseTo(6.561 / 7.56, within(1e-9));
    assertThat(r.level()).isEqualTo(PosteriorResult.ERROR);
  }

  @Test
  void warningOnlyWhileRising() {
    // score 0.5: LR 1, so posterior = p = 0.6
    BetaPrior prior = BetaPrior.withMean(0.6, 100_000);
    PosteriorResult rising = calc.evaluate(0.5, defaults, prior, 0, 0.3);
    assertThat(rising.posterior()).isCloseTo(0.6, within(1e-6));
    assertThat(rising.level()).isEqualTo(PosteriorResult.WARNING);
    assertThat(rising.why()).contains("rising").contains("was 0.300");
    PosteriorResult steady = calc.evaluate(0.5, defaults, prior, 0, 0.7);
    assertThat(steady.level()).isEqualTo(PosteriorResult.NONE);
    assertThat(steady.alerting()).isFalse();
    assertThat(steady.why()).contains("not rising");
  }

  @Test
  void belowThresholdIsNone() {
    PosteriorResult r = calc.evaluate(0.2, defaults, BetaPrior.withMean(0.01, 1000), 0, Double.NaN);
    assertThat(r.level()).isEqualTo(PosteriorResult.NONE);
    assertThat(r.posterior()).isLessThan(0.001);
  }

  @Test
  void uncertainPriorDowngradesToInfoOrHoldsBack() {
    // a shrunk new-service prior Beta(0.2, 19.8): 90% CI from 1e-8 to 0.052
    BetaPrior fresh = BetaPrior.of(0.2, 19.8);
    PosteriorResult r = calc.evaluate(0.9, defaults, fresh, 0, Double.NaN);
    assertThat(r.posterior()).isCloseTo(65.61 / (65.61 + 0.99), within(1e-9));
    assertThat(r.uncertainty()).isGreaterThan(0.5);
    assertThat(r.level()).isEqualTo(PosteriorResult.INFO);
    assertThat(r.why()).contains("downgraded to info from critical");
    PosteriorCalculator holding = new PosteriorCalculator(0.5, 0.8, 0.95, 0.5, true);
    assertThat(holding.evaluate(0.9, defaults, fresh, 0, Double.NaN).level()).isEqualTo(PosteriorResult.NONE);
  }

  @Test
  void modelSpreadAddsUncertainty() {
    BetaPrior prior = BetaPrior.withMean(0.01, 100_000);
    PosteriorResult single = calc.evaluate(0.75, defaults, prior, 0, Double.NaN);
    PosteriorResult spread = calc.evaluate(0.75, defaults, prior, 0.1, Double.NaN);
    assertThat(spread.posterior()).isEqualTo(single.posterior());
    // posterior at 0.75 +/- 0.1645 spans most of [0, 1]
    double hi = PosteriorCalculator.posterior(defaults.likelihoodRatio(0.75 + 0.16448536269514722), 0.01);
    double lo = PosteriorCalculator.posterior(defaults.likelihoodRatio(0.75 - 0.16448536269514722), 0.01);
    assertThat(spread.uncertainty()).isGreaterThanOrEqualTo(hi - lo).isGreaterThan(single.uncertainty() + 0.3);
  }
}
