package dev.stormwatch.detect.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.ConfirmingDetector;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.detect.Detectors;
import dev.stormwatch.detect.OfflineDetection;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The per-key novelty detector over replayed telemetry: quiet on the known, loud on the new. */
class NoveltyKeyDetectorTest {
  private static final long STEP = 60_000L;
  private static final long T0 = 1_772_409_600_000L;
  private static final BaselineConfig CFG =
      BaselineConfig.builder().stepMillis(STEP).windowSteps(10).build();
  private static final int WARMUP = 600;

  /** cpu, latency and errors each step; latency jumps by {@code jump} at step {@code at} only. */
  private static List<TelemetryEvent> series(int steps, int at, double jump) {
    Random rnd = new Random(3);
    String[] names = {"cpu_util", "latency_p99_ms", "error_rate"};
    List<TelemetryEvent> events = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      double latency = 80 + 2 * rnd.nextGaussian() + (t == at ? jump : 0);
      double[] values = {0.4 + 0.01 * rnd.nextGaussian(), latency, 0.002 + 0.0002 * rnd.nextGaussian()};
      TelemetryEvent e = TelemetryEvent.metric(T0 + t * STEP + 1_000, "aws", "us-east-1",
          "payments", "payments-1", names, values);
      events.add(t < WARMUP ? e.asWarmup() : e);
    }
    return events;
  }

  private static List<DetectionResult> live(List<TelemetryEvent> events) {
    return OfflineDetection.run(events, CFG, NoveltyKeyDetector.withDefaults()).stream()
        .filter(r -> r.live)
        .toList();
  }

  @Test
  void aValueFarOutsideTheLearnedRangeAlertsAndNamesItsMetric() {
    List<DetectionResult> results = live(series(WARMUP + 200, WARMUP + 150, 40));
    DetectionResult jump = results.stream()
        .max((a, b) -> Double.compare(a.score, b.score)).orElseThrow();
    assertThat(jump.windowEnd).isEqualTo(T0 + (WARMUP + 151) * STEP);
    assertThat(jump.score).isGreaterThan(0.99);
    assertThat(jump.contributorSignals[0]).isEqualTo("latency_p99_ms");
    assertThat(jump.modelVersion).isEqualTo(NoveltyKeyDetector.MODEL_VERSION);
    List<DetectionResult> steady = results.stream()
        .filter(r -> r.windowEnd <= T0 + (WARMUP + 150) * STEP).toList();
    long alerts = steady.stream()
        .filter(r -> r.score >= NoveltyKeyDetector.DEFAULT_SCORE_AT_REFERENCE).count();
    double highest = steady.stream().mapToDouble(r -> r.score).max().orElseThrow();
    assertThat(highest)
        .as("noise only sets a new extreme now and then, a little past the learned range")
        .isLessThan(0.85);
    assertThat(alerts).as("of 150 steady steps").isLessThanOrEqualTo(8);
  }

  @Test
  void abstainsWhileEveryMetricStillLearns() {
    List<DetectionResult> all =
        OfflineDetection.run(series(NoveltyMemory.KEY_LEARN_STEPS + 140, -1, 0), CFG,
            NoveltyKeyDetector.withDefaults());
    assertThat(all.get(0).abstained).as("the first window").isTrue();
    assertThat(all.get(0).score).isZero();
    assertThat(all.stream().filter(r -> r.abstained).count())
        .as("the windows of the key's first %d steps, and none after them",
            NoveltyMemory.KEY_LEARN_STEPS)
        .isEqualTo(NoveltyMemory.KEY_LEARN_STEPS);
    assertThat(all.get(all.size() - 1).abstained).as("a window with no new values").isFalse();
  }

  @Test
  void theJobServesItAloneAndAsTheHybridModelsConfirmer() throws Exception {
    DetectorFactory novelty = Detectors.factory("novelty", "unused", BaselineConfig.defaults());
    DetectorFactory confirmed =
        Detectors.factory("hybrid-novelty", "models/hybrid/v4", BaselineConfig.defaults());
    assertThat(InstantiationUtil.clone(novelty)).as("shipped with the job graph").isNotNull();
    assertThat(InstantiationUtil.clone(confirmed)).isNotNull();
    try (Detector d = novelty.create()) {
      assertThat(d.modelVersion()).isEqualTo("novelty-1");
    }
    try (Detector d = confirmed.create()) {
      assertThat(d.modelVersion()).startsWith("hybrid-").endsWith("+novelty-1");
    }
    assertThat(Detectors.usesModel("hybrid-novelty")).isTrue();
    assertThat(Detectors.usesModel("novelty")).isFalse();
    try (Detector n = novelty.create(); Detector c = confirmed.create();
        Detector b = Detectors.factory("baseline", "unused", BaselineConfig.defaults()).create()) {
      assertThat(Detectors.readsNovelty("novelty")).as("the pipeline's flag, by name")
          .isEqualTo(n.readsNovelty()).isTrue();
      assertThat(Detectors.readsNovelty("hybrid-novelty")).isEqualTo(c.readsNovelty()).isTrue();
      assertThat(Detectors.readsNovelty("baseline")).isEqualTo(b.readsNovelty()).isFalse();
    }
  }

  @Test
  void abstainsWhereTheWindowStepDidNotTrackNovelty() {
    List<DetectionResult> results = OfflineDetection.run(series(100, -1, 0), CFG,
        new ConfirmingDetector(new BaselineDetector(BaselineConfig.defaults()),
            NoveltyKeyDetector.withDefaults()));
    assertThat(results).allSatisfy(r -> assertThat(r.reason).doesNotContain("not tracked"));
    WindowAssembly untracked = new WindowAssembly();
    untracked.metricNames = new String[] {"cpu"};
    untracked.steps = 1;
    untracked.values = new double[] {1.0};
    DetectionResult r = NoveltyKeyDetector.withDefaults().score(untracked);
    assertThat(r.abstained).isTrue();
    assertThat(r.reason).contains("not tracked");
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> new NoveltyKeyDetector(0.0, 0.5))
        .hasMessageContaining("reference novelty");
    assertThatThrownBy(() -> new NoveltyKeyDetector(0.077, 1.0))
        .hasMessageContaining("score at the reference");
  }
}
