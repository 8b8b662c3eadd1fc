package dev.stormwatch.eval.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.eval.nab.StreamingScorer;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RcfScorerTest {
  private static double[] scoreSeriesWithSpike(StreamingScorer scorer, int spikeAt) {
    Random noise = new Random(7);
    double[] scores = new double[1200];
    for (int i = 0; i < scores.length; i++) {
      double value = 10 + Math.sin(i * 2 * Math.PI / 50) + 0.1 * noise.nextGaussian();
      if (i == spikeAt) {
        value += 15;
      }
      scores[i] = scorer.next(i * 60_000L, value);
    }
    return scores;
  }

  private static void assertSpikeStandsOut(Supplier<RcfScorer> factory) {
    double[] scores = scoreSeriesWithSpike(factory.get(), 1000);
    double maxBefore = 0;
    for (int i = 600; i < 1000; i++) {
      maxBefore = Math.max(maxBefore, scores[i]);
    }
    for (double s : scores) {
      assertThat(s).isBetween(0.0, 1.0);
    }
    double atSpike = Math.max(scores[1000], scores[1001]);
    assertThat(atSpike).isGreaterThan(maxBefore);
  }

  @Test
  void streamingConfigurationRanksASpikeAboveNormalRows() {
    assertSpikeStandsOut(RcfScorer::streaming);
  }

  @Test
  void nabPublishedConfigurationRanksASpikeAboveNormalRows() {
    assertSpikeStandsOut(RcfScorer::nabPublished);
  }

  @Test
  void gradeIsZeroOnNormalRowsAndPositiveAtTheSpike() {
    double[] scores = scoreSeriesWithSpike(RcfScorer.gradeOnly(), 1000);
    assertThat(scores[1000]).isGreaterThan(0.0);
    assertThat(scores[900]).isZero();
  }

  @Test
  void fixedSeedMakesRunsReproducible() {
    assertThat(scoreSeriesWithSpike(RcfScorer.streaming(), 1000))
        .containsExactly(scoreSeriesWithSpike(RcfScorer.streaming(), 1000));
  }
}
