package dev.stormwatch.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.novelty.NoveltyMemory;
import dev.stormwatch.event.TelemetryEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The window step tracking novelty in keyed state: annotations, a restore, and the cleanup. */
class WindowAssemblerNoveltyTest {
  private static final long MIN = 60_000L;
  private static final long RETENTION = 120 * MIN;
  /** Minutes fed before the restore: past the novelty's silent learning. */
  private static final int LEARNED = NoveltyMemory.KEY_LEARN_STEPS + 30;

  private static KeyedOneInputStreamOperatorTestHarness<String, TelemetryEvent, WindowAssembly>
      harness() throws Exception {
    BaselineConfig cfg = BaselineConfig.builder().stepMillis(MIN).windowSteps(10).build();
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new WindowAssembler(MIN, 10, 0, RETENTION, cfg, true)),
        TelemetryEvent::key, Types.STRING);
  }

  private static void metric(
      KeyedOneInputStreamOperatorTestHarness<String, TelemetryEvent, WindowAssembly> h, int minute,
      double latency) throws Exception {
    long t = minute * MIN + 1_000;
    h.processElement(new StreamRecord<>(TelemetryEvent.metric(t, "aws", "us-east-1", "payments",
        "p-1", new String[] {"latency_p99_ms"}, new double[] {latency}), t));
  }

  private static double cycle(int minute) {
    return 100 + minute % 7;
  }

  @Test
  void windowsCarryNoveltyThatSurvivesARestoreAndIsDroppedWithTheKey() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      for (int m = 0; m < LEARNED; m++) {
        metric(h, m, cycle(m));
      }
      h.processWatermark(LEARNED * MIN);
      List<WindowAssembly> windows = h.extractOutputValues();
      assertThat(windows.get(0).metricNovelty).hasSize(1);
      assertThat(windows.get(0).noveltyLearning).isTrue();
      WindowAssembly learned = windows.get(windows.size() - 1);
      assertThat(learned.noveltyLearning)
          .as("past %d steps", NoveltyMemory.KEY_LEARN_STEPS).isFalse();
      assertThat(learned.metricNovelty[0]).as("the cycle repeats").isLessThan(0.1);
      snapshot = h.snapshot(1L, LEARNED * MIN);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      metric(restored, LEARNED, cycle(LEARNED));
      metric(restored, LEARNED + 1, 400);
      restored.processWatermark((LEARNED + 2) * MIN);
      List<WindowAssembly> windows = restored.extractOutputValues();
      assertThat(windows).hasSize(2);
      assertThat(windows.get(0).noveltyLearning).as("learned before the restore").isFalse();
      assertThat(windows.get(0).metricNovelty[0]).isLessThan(0.1);
      assertThat(windows.get(1).metricNovelty[0]).as("a value never seen").isGreaterThan(0.3);
      restored.processWatermark((LEARNED + 2) * MIN + RETENTION);
      assertThat(restored.numKeyedStateEntries()).isZero();
      assertThat(restored.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void withoutTrackingWindowsCarryNoNovelty() throws Exception {
    BaselineConfig cfg = BaselineConfig.builder().stepMillis(MIN).windowSteps(10).build();
    try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new WindowAssembler(MIN, 10, 0, RETENTION, cfg)),
        TelemetryEvent::key, Types.STRING)) {
      h.open();
      metric(h, 0, 100);
      h.processWatermark(MIN);
      assertThat(h.extractOutputValues().get(0).metricNovelty).isEmpty();
    }
  }
}
