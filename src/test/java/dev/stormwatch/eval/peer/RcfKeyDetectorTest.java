package dev.stormwatch.eval.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.OfflineDetection;
import dev.stormwatch.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RcfKeyDetectorTest {
  private static final long STEP = 60_000L;
  private static final long T0 = 1_772_409_600_000L;
  private static final BaselineConfig CFG = BaselineConfig.builder().stepMillis(STEP).windowSteps(10).build();
  private static final int WARMUP = 600;
  private static final int STEADY = 120;
  private static final int SHIFT = 15;

  /** One sample per step of cpu, latency and errors; latency shifts by {@code shift} from step {@code from}. */
  private static List<TelemetryEvent> series(String service, int steps, int from, double shift, long seed) {
    Random rnd = new Random(seed);
    String[] names = {"cpu_util", "latency_p99_ms", "error_rate"};
    List<TelemetryEvent> events = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      double latency = 80 + 2 * rnd.nextGaussian() + (t >= from ? shift : 0);
      double[] values = {0.4 + 0.01 * rnd.nextGaussian(), latency, 0.002 + 0.0002 * rnd.nextGaussian()};
      TelemetryEvent e = TelemetryEvent.metric(T0 + t * STEP + 1_000, "aws", "us-east-1", service,
          service + "-1", names, values);
      events.add(t < WARMUP ? e.asWarmup() : e);
    }
    return events;
  }

  private static List<DetectionResult> live(List<TelemetryEvent> events) {
    List<DetectionResult> live = new ArrayList<>();
    for (DetectionResult r : OfflineDetection.run(events, CFG, new RcfKeyDetector())) {
      if (r.live) {
        live.add(r);
      }
    }
    return live;
  }

  @Test
  void levelShiftOnOneMetricScoresHighAfterWarmupAndNamesTheMetric() {
    int start = WARMUP + STEADY;
    List<DetectionResult> results = live(series("payments", start + SHIFT, start, 30, 1));
    List<DetectionResult> shifted = results.subList(results.size() - SHIFT, results.size());
    DetectionResult peak = shifted.stream().max((a, b) -> Double.compare(a.score, b.score)).orElseThrow();
    assertThat(peak.score).isGreaterThanOrEqualTo(0.9);
    assertThat(peak.modelVersion).isEqualTo(RcfKeyDetector.MODEL_VERSION);
    assertThat(peak.contributorSignals).isNotEmpty();
    assertThat(peak.contributorSignals[0]).isEqualTo("latency_p99_ms");
    long consecutiveHigh = shifted.stream().limit(4).filter(r -> r.score >= 0.7).count();
    assertThat(consecutiveHigh).as("the first shifted steps all score high").isGreaterThanOrEqualTo(2);
  }

  @Test
  void steadyDataStaysBelowTheAlertThreshold() {
    List<DetectionResult> results = live(series("payments", WARMUP + STEADY, Integer.MAX_VALUE, 0, 1));
    assertThat(results).hasSizeGreaterThanOrEqualTo(STEADY);
    double max = results.stream().mapToDouble(r -> r.score).max().orElseThrow();
    long high = results.stream().filter(r -> r.score >= 0.7).count();
    assertThat(high).as("steps at or above the alert threshold").isLessThanOrEqualTo(STEADY / 20);
    assertThat(max).isLessThan(0.9);
  }

  @Test
  void keysWithDifferentMetricSetsAndGapsAreScoredSeparately() {
    List<TelemetryEvent> events = new ArrayList<>();
    Random rnd = new Random(5);
    for (int t = 0; t < WARMUP + 30; t++) {
      long time = T0 + t * STEP + 2_000;
      String[] a = t % 7 == 0 ? new String[] {"cpu_util"} : new String[] {"cpu_util", "mem_util"};
      double[] av = t % 7 == 0 ? new double[] {0.3} : new double[] {0.3 + 0.01 * rnd.nextGaussian(), 0.6};
      events.add(TelemetryEvent.metric(time, "gcp", "us-east4", "search", "s-1", a, av));
      events.add(TelemetryEvent.metric(time + 1, "azure", "eastus", "auth", "a-1",
          new String[] {"latency_p99_ms", "conn_pool_in_use"}, new double[] {50 + rnd.nextGaussian(), 12}));
      if (t > WARMUP) {
        events.add(TelemetryEvent.metric(time + 2, "azure", "eastus", "auth", "a-1",
            new String[] {"late_new_metric"}, new double[] {1e9}));
      }
    }
    List<TelemetryEvent> flagged = new ArrayList<>();
    for (TelemetryEvent e : events) {
      flagged.add(e.timeMillis() < T0 + WARMUP * STEP ? e.asWarmup() : e);
    }
    RcfKeyDetector detector = new RcfKeyDetector();
    List<DetectionResult> results = OfflineDetection.run(flagged, CFG, detector);
    assertThat(detector.keys()).isEqualTo(2);
    List<DetectionResult> liveAuth = results.stream()
        .filter(r -> r.live && r.service.equals("auth")).toList();
    assertThat(liveAuth).isNotEmpty();
    assertThat(liveAuth).allSatisfy(r -> {
      assertThat(r.score).isBetween(0.0, 1.0);
      assertThat(r.contributorSignals).doesNotContain("late_new_metric", "cpu_util");
    });
    assertThat(liveAuth.stream().mapToDouble(r -> r.score).max().orElseThrow())
        .as("a metric unknown at warm-up cannot raise the score").isLessThan(0.9);
  }
}
