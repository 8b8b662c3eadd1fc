package dev.stormwatch.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.event.DeadLetter;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the window operator with explicit watermarks: windows, lateness, silence, state cleanup. */
class WindowAssemblerTest {
  private static final long MIN = 60_000L;
  private static final long RETENTION = 60 * MIN;

  private KeyedOneInputStreamOperatorTestHarness<String, TelemetryEvent, WindowAssembly> harness;

  @BeforeEach
  void open() throws Exception {
    BaselineConfig cfg = BaselineConfig.builder().stepMillis(MIN).windowSteps(10).build();
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new WindowAssembler(MIN, 10, 0, RETENTION, cfg)),
        TelemetryEvent::key, Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void metric(long t, double latency) throws Exception {
    harness.processElement(new StreamRecord<>(TelemetryEvent.metric(t, "aws", "us-east-1", "payments",
        "p-1", new String[] {"latency_p99_ms"}, new double[] {latency}), t));
  }

  private List<WindowAssembly> windows() {
    return harness.extractOutputValues();
  }

  @Test
  void emitsOneWindowPerSlideWhenTheWatermarkPassesThePaneEnd() throws Exception {
    for (int m = 0; m < 5; m++) {
      metric(m * MIN + 1_000, 100 + m);
    }
    harness.processWatermark(3 * MIN);
    assertThat(windows()).extracting(w -> w.end).containsExactly(MIN, 2 * MIN, 3 * MIN);
    WindowAssembly last = windows().get(2);
    assertThat(last.start).isEqualTo(3 * MIN - 10 * MIN);
    assertThat(last.value(0, 9)).isEqualTo(102.0);
    assertThat(last.value(0, 8)).isEqualTo(101.0);
    assertThat(last.value(0, 0)).isNaN();
    assertThat(last.provider).isEqualTo("aws");
    assertThat(last.service).isEqualTo("payments");
  }

  @Test
  void metricsBeyondTheKeysLimitInAStepBecomeOneDeadLetterPerRecordAndTheRestIsUsed() throws Exception {
    int wide = Pane.MAX_METRICS + 6;
    String[] names = new String[wide];
    double[] values = new double[wide];
    for (int i = 0; i < wide; i++) {
      names[i] = "m" + i;
      values[i] = i;
    }
    harness.processElement(new StreamRecord<>(TelemetryEvent.metric(10_000, "aws", "us-east-1",
        "payments", "p-1", names, values), 10_000));
    harness.processElement(new StreamRecord<>(TelemetryEvent.metric(20_000, "aws", "us-east-1",
        "payments", "p-2", new String[] {"m3", "extra"}, new double[] {5, 1}), 20_000));
    harness.processWatermark(MIN);

    List<DeadLetter> dead = harness.getSideOutput(WindowAssembler.DEAD_LETTERS).stream()
        .map(StreamRecord::getValue).toList();
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("over_limit", "over_limit");
    assertThat(dead.get(0).detail()).startsWith("6 of the record's 70 metrics (\"m64\", \"m65\"")
        .contains("at most 64 metric names per window step").contains("aws/payments");
    assertThat(dead.get(0).raw()).contains("\"metrics\":{\"m64\":64.0,").contains("\"m69\":69.0}")
        .doesNotContain("\"m63\"");
    assertThat(dead.get(1).raw()).contains("\"metrics\":{\"extra\":1.0}");
    WindowAssembly w = windows().get(0);
    assertThat(w.metricNames).hasSize(Pane.MAX_METRICS).contains("m0", "m63").doesNotContain("m64", "extra");
    assertThat(w.value(w.metricIndex("m3"), 9)).isEqualTo(4.0);
  }

  @Test
  void theKeysMetricLimitIsTheConfiguredOne() throws Exception {
    BaselineConfig cfg = BaselineConfig.builder().stepMillis(MIN).windowSteps(10).maxMetrics(3).build();
    try (KeyedOneInputStreamOperatorTestHarness<String, TelemetryEvent, WindowAssembly> narrow =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new WindowAssembler(MIN, 10, 0, RETENTION, cfg, true)),
            TelemetryEvent::key, Types.STRING)) {
      narrow.open();
      narrow.processElement(new StreamRecord<>(TelemetryEvent.metric(10_000, "aws", "us-east-1",
          "payments", "p-1", new String[] {"a", "b", "c", "d", "e"}, new double[] {1, 2, 3, 4, 5}),
          10_000));
      narrow.processWatermark(MIN);
      List<DeadLetter> dead = narrow.getSideOutput(WindowAssembler.DEAD_LETTERS).stream()
          .map(StreamRecord::getValue).toList();
      assertThat(dead).singleElement().satisfies(d -> {
        assertThat(d.detail()).startsWith("2 of the record's 5 metrics (\"d\", \"e\")")
            .contains("at most 3 metric names per window step (window.max-metrics)");
        assertThat(d.raw()).contains("\"metrics\":{\"d\":4.0,\"e\":5.0}");
      });
      WindowAssembly w = narrow.extractOutputValues().get(0);
      assertThat(w.metricNames).containsExactlyInAnyOrder("a", "b", "c");
      assertThat(w.metricNovelty).hasSize(3);
    }
  }

  @Test
  void recordsForClosedPanesAreLateDeadLettersAndOutOfOrderOnesAreNot() throws Exception {
    metric(5 * MIN + 10_000, 100);
    harness.processWatermark(5 * MIN + 30_000);
    metric(5 * MIN + 5_000, 101); // out of order but its pane is still open
    harness.processWatermark(7 * MIN);
    metric(4 * MIN + 59_000, 99); // its pane closed at minute 5
    List<DeadLetter> late = harness.getSideOutput(WindowAssembler.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).reason()).isEqualTo("late");
    assertThat(late.get(0).raw()).contains("\"time\":\"1970-01-01T00:04:59Z\"").contains("latency_p99_ms");
    WindowAssembly w = windows().get(0);
    assertThat(w.end).isEqualTo(6 * MIN);
    assertThat(w.value(0, 9)).isEqualTo(100.5);
  }

  @Test
  void keepsSlidingAfterAKeyGoesSilentThenStops() throws Exception {
    metric(10_000, 100);
    metric(MIN + 10_000, 100);
    harness.processWatermark(30 * MIN);
    // windows ending at minutes 1..11: the last data pane (minute 1) stays in view for 10 windows
    assertThat(windows()).extracting(w -> w.end / MIN)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(windows().get(10).value(0, 0)).isEqualTo(100.0);
  }

  @Test
  void noTrailingSilenceWindowsAtTheEndOfABoundedInput() throws Exception {
    metric(10_000, 100);
    metric(MIN + 10_000, 100);
    harness.processWatermark(Long.MAX_VALUE);
    assertThat(windows()).extracting(w -> w.end / MIN).containsExactly(1L, 2L);
  }

  @Test
  void stateIsClearedAfterTheRetentionWithoutRecords() throws Exception {
    for (int m = 0; m < 15; m++) {
      metric(m * MIN + 1_000, 100);
      harness.processElement(new StreamRecord<>(TelemetryEvent.log(m * MIN + 2_000, "aws", "us-east-1",
          "payments", "p-1", Severity.ERROR, "boom " + m), m * MIN + 2_000));
    }
    harness.processWatermark(30 * MIN);
    assertThat(harness.numKeyedStateEntries()).isPositive();
    harness.processWatermark(15 * MIN + RETENTION);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
