package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.window.WindowAssembly;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowFeaturizerTest {
  private final FeatureSchema schema =
      new FeatureSchema(List.of("latency_p99_ms", "disk_util", "cpu_util"), 10, 8.0, 30);
  private final WindowFeaturizer featurizer = new WindowFeaturizer(schema);

  @Test
  void normalisesByTheKeysBaselineClipsAndMasksGapsAndUnknownMetrics() {
    WindowAssembly w = SyntheticWindows.window("svc", 0, new Random(1));
    int latency = w.metricIndex("latency_p99_ms");
    w.values[latency * 10 + 9] = w.expectedCenter[latency] + 3 * w.expectedScale[latency];
    w.values[latency * 10 + 8] = w.expectedCenter[latency] + 50 * w.expectedScale[latency];
    w.values[latency * 10 + 7] = Double.NaN;
    int cpu = w.metricIndex("cpu_util");
    w.baselineSamples[cpu] = 5;

    float[] x = featurizer.features(w);

    assertThat(schema.channels()).isEqualTo(10);
    assertThat(x[schema.valueChannel(0) * 10 + 9]).isCloseTo(3f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(x[schema.valueChannel(0) * 10 + 8]).isEqualTo(8f);
    assertThat(x[schema.valueChannel(0) * 10 + 7]).isZero();
    assertThat(x[schema.maskChannel(0) * 10 + 7]).isZero();
    assertThat(x[schema.maskChannel(0) * 10 + 6]).isEqualTo(1f);
    for (int t = 0; t < 10; t++) {
      assertThat(x[schema.maskChannel(1) * 10 + t]).as("disk_util is not in the window").isZero();
      assertThat(x[schema.maskChannel(2) * 10 + t]).as("cpu_util baseline is immature").isZero();
    }
  }

  @Test
  void logChannelsMeasureErrorsAgainstTheBaseline() {
    WindowAssembly w = SyntheticWindows.window("svc", 0, new Random(2));
    w.errorCounts[9] = 6;
    float[] x = featurizer.features(w);
    assertThat(x[schema.errorChannel() * 10 + 9]).isEqualTo(5.5f);
    assertThat(x[schema.logMaskChannel() * 10 + 9]).isEqualTo(1f);

    w.expectedErrors = Double.NaN;
    assertThat(featurizer.features(w)[schema.logMaskChannel() * 10 + 9]).isZero();
  }

  @Test
  void silentNewestStepIsNotObserved() {
    WindowAssembly w = SyntheticWindows.window("svc", 0, new Random(3));
    assertThat(featurizer.observedInNewestStep(w)).isTrue();
    for (int m = 0; m < w.metricNames.length; m++) {
      w.values[m * 10 + 9] = Double.NaN;
    }
    w.infoCounts[9] = 0;
    w.warnCounts[9] = 0;
    w.errorCounts[9] = 0;
    assertThat(featurizer.observedInNewestStep(w)).isFalse();
  }

  @Test
  void injectorProducesEveryKindAndChangesTheNewestSteps() {
    AnomalyInjector injector = new AnomalyInjector(schema);
    Random rnd = new Random(4);
    Set<AnomalyInjector.Kind> seen = EnumSet.noneOf(AnomalyInjector.Kind.class);
    for (int i = 0; i < 200; i++) {
      float[] x = featurizer.features(SyntheticWindows.window("svc", i, rnd));
      AnomalyInjector.Injected a = injector.inject(x, rnd);
      seen.add(a.kind());
      double change = 0;
      for (int c = 0; c < schema.channels(); c++) {
        change += Math.abs(a.features()[c * 10 + 9] - x[c * 10 + 9]);
      }
      assertThat(change).as(a.kind() + " changes the newest step").isGreaterThan(0.5);
      for (float v : a.features()) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo(8f);
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(AnomalyInjector.Kind.values());
  }

  @Test
  void aucAndF1OfKnownRankings() {
    int[] labels = {-1, -1, 1, 1};
    assertThat(BinaryMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
    assertThat(BinaryMetrics.auc(new double[] {0.1, 0.9, 0.8, 0.2}, labels)).isEqualTo(0.5);
    assertThat(BinaryMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5);
    assertThat(BinaryMetrics.precisionRecallF1(new double[] {0.1, 0.9, 0.8, 0.2}, labels, 0.5))
        .containsExactly(0.5, 0.5, 0.5);
  }
}
