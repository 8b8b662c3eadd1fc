package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deviations are compressed above the knee so that large departures still rank; without one they are clipped. */
class FeatureSchemaTest {
  private static final List<String> METRICS = List.of("latency_p99_ms");
  private static final FeatureSchema CLIPPED = new FeatureSchema(METRICS, 10, 8.0, 30);
  private static final FeatureSchema COMPRESSED = new FeatureSchema(METRICS, 10, 8.0, 30, 3.0);

  @Test
  void withoutAKneeDeviationsAreClippedAsBefore() {
    assertThat(CLIPPED.compressAbove()).isZero();
    assertThat(CLIPPED.feature(2.5)).isEqualTo(2.5);
    assertThat(CLIPPED.feature(16)).isEqualTo(8.0);
    assertThat(CLIPPED.feature(-60)).isEqualTo(-8.0);
    assertThat(CLIPPED.shifted(7f, 5)).isEqualTo(8f);
  }

  @Test
  void aboveTheKneeDeviationsGrowLogarithmicallySoLargeOnesStillRank() {
    assertThat(COMPRESSED.feature(2.5)).as("unchanged below the knee").isEqualTo(2.5);
    assertThat(COMPRESSED.feature(16)).isCloseTo(3 + Math.log(14), within(1e-12));
    assertThat(COMPRESSED.feature(-60)).isCloseTo(-(3 + Math.log(58)), within(1e-12));
    assertThat(COMPRESSED.feature(60)).as("a 60-sigma event above a 16-sigma excursion")
        .isGreaterThan(COMPRESSED.feature(16) + 1);
    assertThat(COMPRESSED.feature(1e6)).as("still clipped").isEqualTo(8.0);
  }

  @Test
  void sigmasInvertTheCompressionSoInjectorsAddInSigmas() {
    for (double z : new double[] {-40, -3.5, -1, 0, 2, 3, 7, 25, 120}) {
      assertThat(COMPRESSED.sigmas(COMPRESSED.feature(z))).isCloseTo(z, within(1e-9 * Math.max(1, Math.abs(z))));
    }
    assertThat(COMPRESSED.shifted((float) COMPRESSED.feature(10), 6))
        .isCloseTo((float) COMPRESSED.feature(16), within(1e-5f));
  }

  @Test
  void refusesAKneeOutsideZeroToTheClip() {
    assertThatThrownBy(() -> new FeatureSchema(METRICS, 10, 8.0, 30, 8.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compression");
    assertThatThrownBy(() -> new FeatureSchema(METRICS, 10, 8.0, 30, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShippedArtifactFromBeforeTheKneeServesClippedFeatures() throws Exception {
    ModelManifest shipped = ModelManifest.read(Path.of("models/hybrid/v4/manifest.json"));
    assertThat(shipped.schema().compressAbove()).isZero();
    assertThat(shipped.schema().feature(20)).isEqualTo(shipped.clip);
  }
}
