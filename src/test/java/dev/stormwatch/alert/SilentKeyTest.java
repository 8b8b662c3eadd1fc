package dev.stormwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.event.AlertEvent;
import org.junit.jupiter.api.Test;

/** What {@link WindowDecision#closeSilentKey} closes on a key that went silent, in plain Java. */
class SilentKeyTest {
  private static final long DAY = 86_400_000L;
  private final WindowDecision decision =
      new WindowDecision(new AlertPolicy(0.7, 2, 0.5, 2), PosteriorCalculator.defaults());

  private static AlertState paging(String modelVersion) {
    AlertState s = new AlertState();
    s.firing = true;
    s.alertId = "a-1";
    s.severity = "critical";
    s.peakScore = 0.97;
    s.region = "eu-west-1";
    s.modelVersion = modelVersion;
    return s;
  }

  @Test
  void anOpenPageIsResolvedUnderItsOwnDedupKeyAndSaysWhy() {
    AlertEvent e = decision.closeSilentKey(paging("hybrid-v4+baseline-1"), "aws", "payments", 9 * DAY, 7 * DAY)
        .get(0);
    assertThat(e.status()).isEqualTo(AlertEvent.RESOLVED);
    assertThat(e.alertId()).isEqualTo("a-1");
    assertThat(e.dedupKey()).isEqualTo(AlertPolicy.dedupKey("aws", "payments", "hybrid-v4"));
    assertThat(e.severity()).isEqualTo("critical");
    assertThat(e.summary()).isEqualTo("No windows from aws/payments (eu-west-1) for 7 days (the service"
        + " stopped reporting or was removed): alert closed without recovery seen (peak score 0.97)");
  }

  @Test
  void nothingIsClosedWhenNothingIsOpenOrTheDedupKeyCannotBeRebuilt() {
    assertThat(decision.closeSilentKey(new AlertState(), "aws", "payments", DAY, DAY)).isEmpty();
    AlertState restored = paging(null);
    restored.region = null;
    assertThat(decision.closeSilentKey(restored, "aws", "payments", DAY, DAY)).isEmpty();
    assertThat(decision.closeSilentKey(paging(""), "aws", "payments", DAY, DAY)).isEmpty();
  }
}
