package dev.stormwatch.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAlertingTest {
  private static final long T0 = 1_772_409_600_000L;
  private static final long MIN = 60_000L;

  /** Scores 1 when the newest step's mean of "x" is above 10, else 0; remembers what it saw. */
  private static final class Threshold implements Detector {
    final List<Boolean> liveFlags = new ArrayList<>();

    @Override
    public String modelVersion() {
      return "threshold-1";
    }

    @Override
    public DetectionResult score(WindowAssembly w) {
      liveFlags.add(w.live);
      DetectionResult r = DetectionResult.forWindow(w);
      r.modelVersion = modelVersion();
      int m = w.metricIndex("x");
      r.score = m >= 0 && w.value(m, w.steps - 1) > 10 ? 1.0 : 0.0;
      return r;
    }
  }

  private static TelemetryEvent x(long time, double value) {
    return TelemetryEvent.metric(time, "aws", "us-east-1", "payments", "p-1", new String[] {"x"},
        new double[] {value});
  }

  @Test
  void reordersWithinTheWatermarkDelayAndDropsOlderRecords() {
    List<TelemetryEvent> input = new ArrayList<>();
    for (int t = 0; t < 30; t++) {
      input.add(x(T0 + t * MIN + 40_000, 1));
    }
    input.add(x(T0 + 29 * MIN + 10_000, 1));
    input.add(x(T0 + 20 * MIN, 1));
    OfflineAlerting.Outcome outcome = new OfflineAlerting(new JobConfig()).run(List.of(), input, new Threshold());
    assertThat(outcome.lateRecords()).as("only the record 10 minutes behind is late").isEqualTo(1);
    assertThat(outcome.records()).isEqualTo(32);
    assertThat(outcome.alerts()).isEmpty();
    assertThat(outcome.seconds()).isPositive();
  }

  @Test
  void warmupWindowsAreScoredButOnlyLiveWindowsAlertWithTheJobsHysteresis() {
    List<TelemetryEvent> warmup = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      warmup.add(x(T0 + t * MIN + 1_000, 50).asWarmup());
    }
    List<TelemetryEvent> input = new ArrayList<>();
    double[] live = {1, 1, 50, 1, 50, 50, 1, 1, 1, 1, 1, 1, 1};
    for (int t = 0; t < live.length; t++) {
      input.add(x(T0 + (20 + t) * MIN + 1_000, live[t]));
    }
    Threshold detector = new Threshold();
    OfflineAlerting.Outcome outcome = new OfflineAlerting(new JobConfig()).run(warmup, input, detector);
    assertThat(detector.liveFlags).contains(false, true);
    List<AlertEvent> alerts = outcome.alerts();
    assertThat(alerts).extracting(AlertEvent::status).containsExactly(AlertEvent.FIRING, AlertEvent.RESOLVED);
    assertThat(alerts.get(0).eventTime()).as("second consecutive anomalous live window")
        .isEqualTo(java.time.Instant.ofEpochMilli(T0 + 26 * MIN).toString());
    assertThat(alerts.get(1).eventTime()).as("fifth calm window after it")
        .isEqualTo(java.time.Instant.ofEpochMilli(T0 + 31 * MIN).toString());
  }
}
