package dev.stormwatch.eval.nab.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.eval.nab.NabDetectors;
import dev.stormwatch.eval.nab.NabScorer;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;
import dev.stormwatch.model.DjlRuntime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The comparison networks as NAB detectors: registered, and a level shift outscores normal rows. */
class PeerNabPluginsTest {
  private static final long FIVE_MIN = 300_000L;
  private static final int ROWS = 1600;
  private static final int SHIFT_AT = 1200;

  @Test
  void areRegisteredAsNabDetectors() {
    for (String name : List.of("tcn-nab", "vae-nab", "gan-nab", "gnn-nab")) {
      assertThat(NabDetectors.isRegistered(name)).as(name).isTrue();
    }
  }

  @Test
  void theGnnPeerScoresALevelShiftAboveTheNormalRows() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    StreamingScorer scorer = new PeerNabPlugins.Gnn().create(
        new SeriesContext("synthetic/noise.csv", ROWS, List.of()));
    SplittableRandom random = new SplittableRandom(3);
    double maxNormal = 0;
    double maxShift = 0;
    int probation = NabScorer.probationaryLength(ROWS);
    for (int i = 0; i < ROWS; i++) {
      double value = 50 + 2 * random.nextGaussian() + (i >= SHIFT_AT ? 16 : 0);
      double s = scorer.next(1_600_000_000_000L + i * FIVE_MIN, value);
      assertThat(s).isBetween(0.0, 1.0);
      if (i >= probation && i < SHIFT_AT) {
        maxNormal = Math.max(maxNormal, s);
      } else if (i >= SHIFT_AT && i < SHIFT_AT + 5) {
        maxShift = Math.max(maxShift, s);
      }
    }
    assertThat(maxShift).isGreaterThan(maxNormal);
  }
}
