package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class PosteriorCalculatorTest {
  private static final double Z90 = 1.6448536269514722;
  private final PosteriorCalculator calc = PosteriorCalculator.defaults();

  private static DoubleUnaryOperator ratio(double lr) {
    return s -> lr;
  }

  @Test
  void posteriorArithmeticByHand() {
    assertThat(PosteriorCalculator.posterior(9, 0.1)).isCloseTo(0.5, within(1e-12));
    assertThat(PosteriorCalculator.posterior(19, 0.5)).isCloseTo(0.95, within(1e-12));
    assertThat(PosteriorCalculator.posterior(1, 0.3)).isCloseTo(0.3, within(1e-12));
    assertThat(PosteriorCalculator.posterior(4, 0.2)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void criticalWithConfidentPrior() {
    // LR 6561, p = 0.1: 656.1 / (656.1 + 0.9)
    PosteriorResult r = calc.evaluate(0.9, ratio(6561), BetaPrior.withMean(0.1, 2000), 0, Double.NaN);
    assertThat(r.posterior()).isCloseTo(656.1 / 657.0, within(1e-9));
    assertThat(r.level()).isEqualTo(PosteriorResult.CRITICAL);
    assertThat(r.uncertainty()).isLessThan(0.01);
    assertThat(r.why()).contains("P(incident)=0.999").contains("likelihood ratio 6.56e+03").contains("above critical");
  }

  @Test
  void errorBand() {
    // p = 0.001: 6.561 / (6.561 + 0.999) = 0.8679
    PosteriorResult r = calc.evaluate(0.9, ratio(6561), BetaPrior.withMean(0.001, 100_000), 0, 0.9);
    assertThat(r.posterior()).isCloseTo(6.561 / 7.56, within(1e-9));
    assertThat(r.level()).isEqualTo(PosteriorResult.ERROR);
  }

  @Test
  void warningOnlyWhileRising() {
    // LR 1: posterior = p = 0.6
    BetaPrior prior = BetaPrior.withMean(0.6, 100_000);
    PosteriorResult rising = calc.evaluate(0.5, ratio(1), prior, 0, 0.3);
    assertThat(rising.posterior()).isCloseTo(0.6, within(1e-9));
    assertThat(rising.level()).isEqualTo(PosteriorResult.WARNING);
    assertThat(rising.alerting()).isTrue();
    assertThat(rising.why()).contains("rising").contains("was 0.300");
    PosteriorResult steady = calc.evaluate(0.5, ratio(1), prior, 0, 0.7);
    assertThat(steady.level()).isEqualTo(PosteriorResult.NONE);
    assertThat(steady.alerting()).isFalse();
    assertThat(steady.why()).contains("not rising");
  }

  @Test
  void belowThresholdIsNone() {
    // LR 0.01, p = 0.01: 0.0001 / (0.0001 + 0.99)
    PosteriorResult r = calc.evaluate(0.2, ratio(0.01), BetaPrior.withMean(0.01, 1000), 0, Double.NaN);
    assertThat(r.posterior()).isCloseTo(0.0001 / 0.9901, within(1e-12));
    assertThat(r.level()).isEqualTo(PosteriorResult.NONE);
  }

  @Test
  void uncertainPriorDowngradesToInfoOrHoldsBack() {
    // a shrunk new-service prior Beta(0.2, 19.8): mean 0.01, 90% CI 1.05e-8 .. 0.0517
    BetaPrior fresh = BetaPrior.of(0.2, 19.8);
    PosteriorResult r = calc.evaluate(0.9, ratio(6561), fresh, 0, Double.NaN);
    assertThat(r.posterior()).isCloseTo(65.61 / (65.61 + 0.99), within(1e-9));
    double width = PosteriorCalculator.posterior(6561, 5.17237344e-02) - PosteriorCalculator.posterior(6561, 1.05102911e-08);
    assertThat(r.uncertainty()).isCloseTo(width, within(1e-6));
    assertThat(r.level()).isEqualTo(PosteriorResult.INFO);
    assertThat(r.why()).contains("downgraded to info from critical");
    PosteriorCalculator holding = new PosteriorCalculator(0.5, 0.8, 0.95, 0.5, true);
    PosteriorResult held = holding.evaluate(0.9, ratio(6561), fresh, 0, Double.NaN);
    assertThat(held.level()).isEqualTo(PosteriorResult.NONE);
    assertThat(held.why()).contains("held back");
  }

  @Test
  void modelSpreadAddsUncertaintyInQuadrature() {
    DoubleUnaryOperator steep = s -> Math.exp(20 * (s - 0.5));
    BetaPrior prior = BetaPrior.withMean(0.01, 1_000_000);
    PosteriorResult single = calc.evaluate(0.6, steep, prior, 0, Double.NaN);
    PosteriorResult spread = calc.evaluate(0.6, steep, prior, 0.05, Double.NaN);
    assertThat(spread.posterior()).isEqualTo(single.posterior());
    double model = PosteriorCalculator.posterior(steep.applyAsDouble(0.6 + Z90 * 0.05), 0.01)
        - PosteriorCalculator.posterior(steep.applyAsDouble(0.6 - Z90 * 0.05), 0.01);
    assertThat(spread.uncertainty()).isCloseTo(Math.hypot(single.uncertainty(), model), within(1e-9));
    assertThat(spread.uncertainty()).isGreaterThan(single.uncertainty() + 0.1);
  }

  @Test
  void rejectsUnorderedThresholds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PosteriorCalculator(0.9, 0.8, 0.95, 0.5, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
