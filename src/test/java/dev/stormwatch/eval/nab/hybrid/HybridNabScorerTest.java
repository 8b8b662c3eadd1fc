package dev.stormwatch.eval.nab.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.eval.nab.NabDetectors;
import dev.stormwatch.eval.nab.NabScorer;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;
import dev.stormwatch.model.DjlRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains the per-file hybrid model on a daily sine's probationary period and scores a level shift. */
class HybridNabScorerTest {
  private static final long FIVE_MIN = 300_000L;
  private static final int ROWS = 2400;
  private static final int SHIFT_AT = 1800;
  private static final long T0 = 1_600_000_000_000L;

  private static double[] scores;
  private static String progress;

  @BeforeAll
  static void scoreOnce() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    scores = run(new PrintStream(lines, true, StandardCharsets.UTF_8));
    progress = lines.toString(StandardCharsets.UTF_8);
  }

  /** A daily sine (288 five-minute steps) with noise, shifted up by 6 noise sigmas from SHIFT_AT. */
  private static double[] run(PrintStream progressOut) {
    StreamingScorer scorer = new HybridNabScorer(new SeriesContext("synthetic/sine.csv", ROWS,
        List.of()), HybridNabSettings.defaults(), progressOut);
    SplittableRandom random = new SplittableRandom(5);
    double[] out = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      double value = 100 + 20 * Math.sin(2 * Math.PI * i / 288.0) + 2 * random.nextGaussian()
          + (i >= SHIFT_AT ? 12 : 0);
      out[i] = scorer.next(T0 + i * FIVE_MIN, value);
    }
    return out;
  }

  @Test
  void scoresTheLevelShiftAboveNormalRows() {
    int probation = NabScorer.probationaryLength(ROWS);
    double maxNormal = 0;
    double meanNormal = 0;
    for (int i = probation; i < SHIFT_AT; i++) {
      maxNormal = Math.max(maxNormal, scores[i]);
      meanNormal += scores[i] / (SHIFT_AT - probation);
    }
    double maxShift = 0;
    for (int i = SHIFT_AT; i < SHIFT_AT + 5; i++) {
      maxShift = Math.max(maxShift, scores[i]);
    }
    assertThat(maxShift).isGreaterThan(0.5).isGreaterThan(maxNormal);
    assertThat(meanNormal).isLessThan(0.2);
  }

  @Test
  void scoresAreProbabilitiesAndTheProbationIsUnscored() {
    int probation = NabScorer.probationaryLength(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(scores[i]).as("row %d", i).isBetween(0.0, 1.0);
    }
    for (int i = 0; i < probation; i++) {
      assertThat(scores[i]).as("row %d", i).isZero();
    }
    // 2,040 scored rows: a fresh model after each 500 of them; 360 probationary rows are 1.25 days
    assertThat(progress).contains("hybrid synthetic/sine.csv: 2400 rows, step 300 s, hour-of-day"
        + " profile (under two days to tell), retrained 4 times, last on 2000 windows");
  }

  @Test
  void theSameSeriesScoresTheSame() {
    double[] again = run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(again).containsExactly(scores);
  }

  @Test
  void isRegisteredAsANabDetectorWithItsVariants() {
    assertThat(NabDetectors.isRegistered(HybridNabPlugins.Hybrid.NAME)).isTrue();
    assertThat(NabDetectors.isRegistered(HybridNabPlugins.Raw.NAME)).isTrue();
    assertThat(NabDetectors.isRegistered(HybridNabPlugins.Frozen.NAME)).isTrue();
    assertThat(NabDetectors.isRegistered(HybridNabPlugins.Confirmed.NAME)).isTrue();
  }

  @Test
  void theConfirmedVariantScoresTheSmallerOfHybridAndBaseline() {
    StreamingScorer confirmed = new HybridNabPlugins.Confirmed().create(new SeriesContext("synthetic/sine.csv", ROWS, List.of()));
    StreamingScorer baseline = new dev.stormwatch.eval.nab.StormwatchNabPlugin().create(
        new SeriesContext("synthetic/sine.csv", ROWS, List.of()));
    SplittableRandom random = new SplittableRandom(5);
    double atShift = 0;
    for (int i = 0; i < ROWS; i++) {
      double value = 100 + 20 * Math.sin(2 * Math.PI * i / 288.0) + 2 * random.nextGaussian()
          + (i >= SHIFT_AT ? 12 : 0);
      double c = confirmed.next(T0 + i * FIVE_MIN, value);
      double b = baseline.next(T0 + i * FIVE_MIN, value);
      assertThat(c).isEqualTo(Math.min(scores[i], b));
      atShift = i >= SHIFT_AT && i < SHIFT_AT + 5 ? Math.max(atShift, c) : atShift;
    }
    assertThat(atShift).as("both see the shift").isGreaterThan(0.5);
  }
}
