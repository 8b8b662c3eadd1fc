package dev.stormwatch.detect;

import static dev.stormwatch.detect.SyntheticTelemetry.MINUTE;
import static dev.stormwatch.detect.SyntheticTelemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineSeriesScorerTest {
  private static final long STEP = 5 * MINUTE;

  @Test
  void scoresZeroUntilMatureThenCatchesALevelShift() {
    BaselineSeriesScorer scorer = new BaselineSeriesScorer(STEP);
    Random rnd = new Random(1);
    int n = 4 * 288;
    int above = 0;
    for (int i = 0; i < n; i++) {
      long t = T0 + i * STEP;
      double s = scorer.next(t, SyntheticTelemetry.clean("latency_p99_ms", t) + 3 * rnd.nextGaussian());
      if (i < BaselineConfig.defaults().metricMatureSamples - 1) {
        assertThat(s).isZero();
      }
      if (i > 288 && s > 0.7) {
        above++;
      }
    }
    assertThat(above).isLessThan(5);
    double best = 0;
    for (int i = n; i < n + 3; i++) {
      long t = T0 + i * STEP;
      best = Math.max(best, scorer.next(t, 3 * SyntheticTelemetry.clean("latency_p99_ms", t)));
    }
    assertThat(best).isGreaterThan(0.8);
    assertThat(scorer.lastResult().contributorSignals).containsExactly(BaselineSeriesScorer.METRIC);
  }

  @Test
  void routineBurstsOfAZeroInflatedSeriesStopAlarmingButHugeOnesStillFire() {
    BaselineSeriesScorer scorer = new BaselineSeriesScorer(STEP);
    Random rnd = new Random(2);
    int n = 8 * 288;
    int lateAlarms = 0;
    int burstLeft = 0;
    for (int i = 0; i < n; i++) {
      if (burstLeft == 0 && rnd.nextDouble() < 0.05) {
        burstLeft = 2;
      }
      double v = burstLeft > 0 ? 1e6 * (1 + 2 * rnd.nextDouble()) : 0;
      burstLeft = Math.max(0, burstLeft - 1);
      double s = scorer.next(T0 + i * STEP + 17, v);
      if (i >= n - 3 * 288 && s > 0.7) {
        lateAlarms++;
      }
    }
    assertThat(lateAlarms).isLessThan(16);
    double best = 0;
    for (int i = n; i < n + 3; i++) {
      best = Math.max(best, scorer.next(T0 + i * STEP, 5e8));
    }
    assertThat(best).isGreaterThan(0.8);
  }

  @Test
  void aLastingLevelShiftScoresHighestAtItsOnsetAndThenFades() {
    BaselineSeriesScorer scorer = new BaselineSeriesScorer(STEP);
    Random rnd = new Random(3);
    long t = T0;
    for (int i = 0; i < 2 * 288; i++, t += STEP) {
      scorer.next(t, 100 + 2 * rnd.nextGaussian());
    }
    double onset = scorer.next(t, 160);
    t += STEP;
    double later = 0;
    for (int i = 0; i < 30; i++, t += STEP) {
      later = scorer.next(t, 160 + 2 * rnd.nextGaussian());
    }
    assertThat(onset).isGreaterThan(0.9);
    assertThat(scorer.lastResult().score).isGreaterThan(0.5);
    assertThat(later).isLessThan(onset / 2);
  }

  @Test
  void withoutOnsetWeightingTheRawScoreIsReturned() {
    BaselineSeriesScorer scorer =
        new BaselineSeriesScorer(STEP, BaselineSeriesScorer.seriesDefaults(), 0);
    long t = T0;
    for (int i = 0; i < 288; i++, t += STEP) {
      assertThat(scorer.next(t, 100 + (i % 7))).isEqualTo(scorer.lastResult() == null ? 0.0 : scorer.lastResult().score);
    }
  }
}
