package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StormwatchNabPluginTest {
  private static final long FIVE_MIN = 300_000L;

  @Test
  void scoresALevelShiftOnAFiveMinuteSeriesAndStaysQuietBefore() {
    StreamingScorer scorer = new StormwatchNabPlugin().create(new SeriesContext("x/y.csv", 3000, List.of()));
    SplittableRandom random = new SplittableRandom(3);
    double maxBefore = 0;
    double maxAfter = 0;
    for (int i = 0; i < 3000; i++) {
      double value = 50 + random.nextGaussian() * 2 + (i >= 2500 ? 40 : 0);
      double score = scorer.next(1_600_000_000_000L + i * FIVE_MIN, value);
      assertThat(score).isBetween(0.0, 1.0);
      if (i > 1000 && i < 2500) {
        maxBefore = Math.max(maxBefore, score);
      } else if (i >= 2500 && i < 2510) {
        maxAfter = Math.max(maxAfter, score);
      }
    }
    assertThat(maxAfter).isGreaterThan(0.8);
    assertThat(maxBefore).isLessThan(0.7);
  }
}
