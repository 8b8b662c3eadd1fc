package dev.stormwatch.detect;

import static dev.stormwatch.detect.SyntheticTelemetry.MINUTE;
import static dev.stormwatch.detect.SyntheticTelemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineDetectionTest {
  private static final BaselineConfig CFG = BaselineConfig.builder().windowSteps(5).build();

  private static TelemetryEvent sample(long t, String service, double v) {
    return TelemetryEvent.metric(t, "gcp", "eu-west1", service, service + "-1",
        new String[] {"cpu_util"}, new double[] {v});
  }

  @Test
  void closesEachKeysStepsInOrderAndStopsAfterTheKeyGoesQuiet() {
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(sample(T0 + i * MINUTE + 5, "search", 0.5));
      if (i < 10) {
        events.add(sample(T0 + i * MINUTE + 9, "cart", 0.3));
      }
    }
    List<DetectionResult> results = OfflineDetection.run(events, CFG, new BaselineDetector(CFG));
    List<DetectionResult> search = results.stream().filter(r -> r.service.equals("search")).toList();
    List<DetectionResult> cart = results.stream().filter(r -> r.service.equals("cart")).toList();
    assertThat(search).hasSize(20 + CFG.windowSteps - 1);
    assertThat(cart).hasSize(10 + CFG.windowSteps - 1);
    for (int i = 0; i < search.size(); i++) {
      assertThat(search.get(i).windowEnd).isEqualTo(T0 + (i + 1) * MINUTE);
      assertThat(search.get(i).windowStart).isEqualTo(T0 + (i + 1 - CFG.windowSteps) * MINUTE);
      assertThat(search.get(i).region).isEqualTo("eu-west1");
    }
  }

  @Test
  void dropsEventsOfClosedStepsAndLearnsOncePerStep() {
    OfflineDetection run = new OfflineDetection(CFG, new BaselineDetector(CFG));
    List<DetectionResult> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.addAll(run.accept(sample(T0 + i * MINUTE, "search", 0.5)));
    }
    out.addAll(run.accept(sample(T0 + 3 * MINUTE, "search", 0.9)));
    out.addAll(run.finish());
    assertThat(run.dropped()).isEqualTo(1);
    assertThat(out).hasSize(40 + CFG.windowSteps - 1);
    BaselineModel model = run.model(dev.stormwatch.event.Keys.of("gcp", "search"));
    assertThat(model.metricCount[model.indexOf("cpu_util") * 25 + 24]).isEqualTo(40);
    assertThat(out.get(CFG.metricMatureSamples + 2).reason)
        .isEqualTo("all signals within their baselines");
  }
}
