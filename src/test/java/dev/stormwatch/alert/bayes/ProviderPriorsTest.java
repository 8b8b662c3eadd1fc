package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The provider-level prior: configured prior plus the services' pooled, discounted, capped feedback. */
class ProviderPriorsTest {
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = 14 * DAY;
  private static final BetaPrior CONFIGURED = BetaPrior.withMean(0.02, 200); // Beta(4, 196)

  @Test
  void poolsDiscountedEvidenceAndCapsEachService() {
    ServiceEvidence a = new ServiceEvidence();
    a.add(0, BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    a.add(14 * DAY, BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    ServiceEvidence b = new ServiceEvidence();
    b.add(14 * DAY, BetaPrior.TRUE_POSITIVE, 10, HALF_LIFE);
    ServiceEvidence c = new ServiceEvidence();
    for (int i = 0; i < 8; i++) {
      c.add(14 * DAY, BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    }
    // a: 10 * 0.5 + 10 = 15 quiet; b: 10 incident; c: 80 quiet, capped at 50
    BetaPrior p = ProviderPriors.of(CONFIGURED, List.of(a, b, c), 14 * DAY, HALF_LIFE, 50);
    assertThat(p.alpha).isCloseTo(4 + 10, within(1e-9));
    assertThat(p.beta).isCloseTo(196 + 15 + 50, within(1e-9));
    assertThat(p.mean()).isCloseTo(14.0 / 275, within(1e-12));
  }

  @Test
  void oneFalsePositiveLowersTheMeanAndLaterFeedbackDoesNotCountYet() {
    ServiceEvidence a = new ServiceEvidence();
    a.add(5 * DAY, BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    BetaPrior before = ProviderPriors.of(CONFIGURED, List.of(a), 5 * DAY - 1, HALF_LIFE, 50);
    assertThat(before.mean()).isCloseTo(0.02, within(1e-12));
    BetaPrior after = ProviderPriors.of(CONFIGURED, List.of(a), 5 * DAY, HALF_LIFE, 50);
    assertThat(after.beta).isCloseTo(206, within(1e-9));
    assertThat(after.mean()).isCloseTo(4.0 / 210, within(1e-12)).isLessThan(0.02);
  }

  @Test
  void foldingOldEntriesKeepsTheDiscountedSumAndArrivalOrderDoesNotMatter() {
    ServiceEvidence inOrder = new ServiceEvidence();
    ServiceEvidence shuffled = new ServiceEvidence();
    int n = ServiceEvidence.MAX_ENTRIES + 8;
    for (int i = 0; i < n; i++) {
      inOrder.add(i * DAY, i % 3 == 0 ? BetaPrior.TRUE_POSITIVE : BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    }
    for (int i = n - 1; i >= 0; i--) {
      shuffled.add(i * DAY, i % 3 == 0 ? BetaPrior.TRUE_POSITIVE : BetaPrior.FALSE_POSITIVE, 10, HALF_LIFE);
    }
    assertThat(inOrder.times).hasSize(ServiceEvidence.MAX_ENTRIES);
    double incident = 0;
    double quiet = 0;
    long now = n * DAY;
    for (int i = 0; i < n; i++) {
      double d = Math.pow(0.5, (double) (now - i * DAY) / HALF_LIFE);
      incident += i % 3 == 0 ? 10 * d : 0;
      quiet += i % 3 == 0 ? 0 : 10 * d;
    }
    assertThat(inOrder.asOf(now, HALF_LIFE)).containsExactly(new double[] {incident, quiet}, within(1e-9));
    // shuffled arrival folds the same oldest entries (it folds by time, not arrival)
    assertThat(shuffled.asOf(now, HALF_LIFE)).containsExactly(new double[] {incident, quiet}, within(1e-9));
  }

  @Test
  void serviceEvidenceIsAFlinkPojo() {
    assertThat(TypeInformation.of(ServiceEvidence.class)).isInstanceOf(PojoTypeInfo.class);
  }
}
