package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BetaPriorTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void meanAndCredibleInterval() {
    BetaPrior p = BetaPrior.of(2, 5);
    assertThat(p.mean()).isCloseTo(2.0 / 7, within(1e-12));
    double[] ci = p.credibleInterval90();
    assertThat(ci[0]).isCloseTo(0.06284989, within(1e-8));
    assertThat(ci[1]).isCloseTo(0.58180341, within(1e-8));
  }

  @Test
  void newServiceStartsFromShrunkProviderPrior() {
    BetaPrior provider = BetaPrior.of(10, 990);
    BetaPrior service = BetaPrior.shrunkFrom(provider, 20);
    assertThat(service.alpha).isCloseTo(0.2, within(1e-12));
    assertThat(service.beta).isCloseTo(19.8, within(1e-12));
    assertThat(service.mean()).isCloseTo(provider.mean(), within(1e-12));
    // the service's interval is much wider than the provider's
    double[] wide = service.credibleInterval90();
    double[] narrow = provider.credibleInterval90();
    assertThat(wide[1] - wide[0]).isGreaterThan(5 * (narrow[1] - narrow[0]));
    // a weak provider prior is not inflated
    assertThat(BetaPrior.shrunkFrom(BetaPrior.of(1, 4), 20).alpha).isEqualTo(1);
  }

  @Test
  void oneIncidentMovesAShrunkChildFarMoreThanItsParent() {
    BetaPrior provider = BetaPrior.of(10, 990);
    BetaPrior service = BetaPrior.shrunkFrom(provider, 20);
    service.recordIncident(1, 0, HOUR);
    provider.recordIncident(1, 0, HOUR);
    assertThat(service.mean()).isCloseTo(1.2 / 21, within(1e-12));
    assertThat(provider.mean()).isCloseTo(11.0 / 1001, within(1e-12));
  }

  @Test
  void pooledProviderPrior() {
    BetaPrior pooled = BetaPrior.pooled(BetaPrior.of(1, 9), BetaPrior.of(3, 27));
    assertThat(pooled.mean()).isCloseTo(0.1, within(1e-12));
    assertThat(pooled.alpha + pooled.beta).isCloseTo(20, within(1e-12));
  }

  @Test
  void decayHalvesCountsPerHalfLifeKeepingTheMean() {
    BetaPrior p = BetaPrior.of(4, 16);
    p.decay(0, HOUR);
    assertThat(p.alpha).isEqualTo(4);
    p.decay(HOUR, HOUR);
    assertThat(p.alpha).isCloseTo(2, within(1e-12));
    assertThat(p.beta).isCloseTo(8, within(1e-12));
    p.decay(100 * HOUR, HOUR);
    assertThat(p.alpha + p.beta).isCloseTo(p.minStrength, within(1e-12));
    assertThat(p.mean()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void feedbackUpdatesAfterDecay() {
    BetaPrior p = BetaPrior.of(2, 18);
    p.recordFeedback(BetaPrior.FALSE_POSITIVE, 10, 0, HOUR);
    assertThat(p.alpha).isEqualTo(2);
    assertThat(p.beta).isEqualTo(28);
    p.recordFeedback(BetaPrior.TRUE_POSITIVE, 3, HOUR, HOUR);
    // (2, 28) halved to (1, 14), then alpha + 3
    assertThat(p.alpha).isCloseTo(4, within(1e-12));
    assertThat(p.beta).isCloseTo(14, within(1e-12));
    assertThat(p.falsePositives).isEqualTo(1);
    assertThat(p.incidents).isEqualTo(1);
    assertThatThrownBy(() -> p.recordFeedback("maybe", 1, HOUR, HOUR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isAFlinkPojo() throws Exception {
    assertThat(BetaPrior.class.getConstructor().newInstance()).isNotNull();
    org.apache.flink.api.common.typeinfo.TypeInformation<BetaPrior> info =
        org.apache.flink.api.common.typeinfo.TypeInformation.of(BetaPrior.class);
    assertThat(info).isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
  }
}
