package dev.stormwatch.alert.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The per-key update from feedback on the key's latest alert, by hand. */
class KeyBeliefFeedbackTest {
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = 14 * DAY;

  private static KeyBelief alerted() {
    KeyBelief b = KeyBelief.forNewKey(BetaPrior.withMean(0.02, 200), 200); // Beta(4, 196)
    b.alertFired(0.82, 2); // two windows at 0.82 (bin 16) raised it
    b.alertContinued(0.97); // bin 19
    b.alertContinued(0.60); // bin 12
    return b;
  }

  @Test
  void falsePositiveAddsTheAlertWindowsToBetaAndSpreadsThemAsNormalScores() {
    KeyBelief b = alerted();
    assertThat(b.lastAlertWindows).isEqualTo(4);
    assertThat(b.lastAlertPeak).isEqualTo(0.97);
    b.applyFeedback(BetaPrior.FALSE_POSITIVE, DAY, HALF_LIFE);
    assertThat(b.prior.alpha).isCloseTo(4, within(1e-12));
    assertThat(b.prior.beta).isCloseTo(200, within(1e-12));
    assertThat(b.prior.falsePositives).isEqualTo(1);
    // bins 10..16 get 2/7 each from the 0.82 windows, 10..19 get 1/10 from 0.97, 10..12 get 1/3 from 0.60
    double[] n = b.likelihood.normalCounts;
    assertThat(n[9]).isZero();
    assertThat(n[10]).isCloseTo(2.0 / 7 + 0.1 + 1.0 / 3, within(1e-12));
    assertThat(n[13]).isCloseTo(2.0 / 7 + 0.1, within(1e-12));
    assertThat(n[17]).isCloseTo(0.1, within(1e-12));
    assertThat(b.likelihood.normalTotal).isCloseTo(4, within(1e-12));
  }

  @Test
  void truePositiveIsAConfirmedIncidentAfterDecay() {
    KeyBelief b = alerted();
    b.applyFeedback(BetaPrior.FALSE_POSITIVE, 0, HALF_LIFE);
    b.applyFeedback(BetaPrior.TRUE_POSITIVE, HALF_LIFE, HALF_LIFE);
    // Beta(4, 200) halves to Beta(2, 100), then alpha += 4 windows
    assertThat(b.prior.alpha).isCloseTo(6, within(1e-9));
    assertThat(b.prior.beta).isCloseTo(100, within(1e-9));
    assertThat(b.prior.incidents).isEqualTo(1);
    assertThat(b.likelihood.incidentCounts[16]).isEqualTo(2);
    assertThat(b.likelihood.incidentCounts[19]).isEqualTo(1);
    assertThat(b.likelihood.incidentCounts[12]).isEqualTo(1);
  }

  @Test
  void queuedFeedbackAppliesOnlyFromItsOwnTimeInTimeOrder() {
    KeyBelief b = alerted();
    b.queueFeedback(BetaPrior.TRUE_POSITIVE, 3 * DAY, HALF_LIFE);
    b.queueFeedback(BetaPrior.FALSE_POSITIVE, 2 * DAY, HALF_LIFE);
    assertThat(b.pendingFeedbackTimes).containsExactly(2 * DAY, 3 * DAY);
    assertThat(b.applyFeedbackUpTo(2 * DAY - 1, HALF_LIFE)).isZero();
    assertThat(b.prior.beta).isEqualTo(196);
    assertThat(b.applyFeedbackUpTo(2 * DAY, HALF_LIFE)).isEqualTo(1);
    assertThat(b.prior.beta).isCloseTo(200, within(1e-12));
    assertThat(b.pendingFeedbackVerdicts).containsExactly(BetaPrior.TRUE_POSITIVE);
    assertThat(b.applyFeedbackUpTo(10 * DAY, HALF_LIFE)).isEqualTo(1);
    assertThat(b.pendingFeedbackTimes).isEmpty();
  }

  @Test
  void feedbackWithoutAnAlertMovesOnlyThePriorByOneWindow() {
    KeyBelief b = KeyBelief.forNewKey(BetaPrior.withMean(0.02, 200), 200);
    b.applyFeedback(BetaPrior.FALSE_POSITIVE, DAY, HALF_LIFE);
    assertThat(b.prior.beta).isCloseTo(197, within(1e-12));
    assertThat(b.likelihood.normalTotal).isZero();
  }
}
