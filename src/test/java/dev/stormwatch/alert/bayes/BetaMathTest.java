package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from closed forms and scipy.special / scipy.stats.beta. */
class BetaMathTest {
  @Test
  void logGammaMatchesKnownValues() {
    assertThat(BetaMath.logGamma(0.5)).isCloseTo(0.5723649429247, within(1e-12));
    assertThat(BetaMath.logGamma(10.3)).isCloseTo(13.482036786138359, within(1e-11));
    assertThat(BetaMath.logGamma(1e-3)).isCloseTo(6.907178885383853, within(1e-11));
    assertThat(BetaMath.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
  }

  @Test
  void regularizedBetaMatchesClosedFormsAndScipy() {
    // I_x(2, 2) = 3x^2 - 2x^3
    assertThat(BetaMath.regularizedBeta(0.3, 2, 2)).isCloseTo(3 * 0.09 - 2 * 0.027, within(1e-13));
    // I_x(1, b) = 1 - (1 - x)^b
    assertThat(BetaMath.regularizedBeta(0.2, 1, 4)).isCloseTo(1 - Math.pow(0.8, 4), within(1e-13));
    assertThat(BetaMath.regularizedBeta(0.3, 2.5, 7.5)).isCloseTo(0.6789434858661821, within(1e-12));
    assertThat(BetaMath.regularizedBeta(0.2, 0.5, 0.5)).isCloseTo(0.2951672353008665, within(1e-12));
    assertThat(BetaMath.regularizedBeta(0.25, 30, 70)).isCloseTo(0.1358149042834277, within(1e-12));
    assertThat(BetaMath.regularizedBeta(0, 2, 3)).isZero();
    assertThat(BetaMath.regularizedBeta(1, 2, 3)).isEqualTo(1);
  }

  @Test
  void inverseMatchesKnownQuantiles() {
    assertThat(BetaMath.inverseRegularizedBeta(0.05, 1, 1)).isCloseTo(0.05, within(1e-10));
    // Beta(a, 1): quantile p^(1/a)
    assertThat(BetaMath.inverseRegularizedBeta(0.9, 3, 1)).isCloseTo(Math.cbrt(0.9), within(1e-10));
    assertThat(BetaMath.inverseRegularizedBeta(0.05, 2, 5)).isCloseTo(0.06284989, within(1e-8));
    assertThat(BetaMath.inverseRegularizedBeta(0.95, 2, 5)).isCloseTo(0.58180341, within(1e-8));
    assertThat(BetaMath.inverseRegularizedBeta(0.05, 30, 70)).isCloseTo(0.22729905, within(1e-8));
    assertThat(BetaMath.inverseRegularizedBeta(0.05, 0.2, 19.8)).isCloseTo(1.05102911e-08, within(1e-14));
    assertThat(BetaMath.inverseRegularizedBeta(0.95, 0.2, 19.8)).isCloseTo(5.17237344e-02, within(1e-9));
  }

  @Test
  void densityMatchesScipy() {
    assertThat(Math.exp(BetaMath.logDensity(0.9, 5, 1))).isCloseTo(3.2805, within(1e-10));
    assertThat(Math.exp(BetaMath.logDensity(0.05, 0.7, 9))).isCloseTo(5.777597209055889, within(1e-9));
  }
}
