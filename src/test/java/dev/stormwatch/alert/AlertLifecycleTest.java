package dev.stormwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.feedback.FeedbackUpdate;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The alert operator puts reordered results back in event-time order and clears its state. */
class AlertLifecycleTest {
  private static final long MIN = 60_000L;

  private static final long RETENTION = 60 * MIN;

  private static DetectionResult result(long minute, double score) {
    DetectionResult r = new DetectionResult();
    r.live = true;
    r.provider = "aws";
    r.service = "payments";
    r.windowEnd = minute * MIN;
    r.score = score;
    r.modelVersion = "baseline-1";
    return r;
  }

  private static KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new AlertLifecycle(new AlertPolicy(0.7, 2, 0.5, 2), PosteriorCalculator.defaults(), 0.02, 200,
            RETENTION),
        DetectionResult::key, Types.STRING, AlertLifecycle.SERVICE_EVIDENCE);
  }

  private static KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent>
      harnessWithEarlyWarnings() throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new AlertLifecycle(new AlertPolicy(0.7, 2, 0.5, 2), new EarlyWarningPolicy(0.9, 2, 0.5, 2, 0),
            PosteriorCalculator.defaults(), 0.02, 200, RETENTION, FeedbackLearning.defaults(200)),
        DetectionResult::key, Types.STRING, AlertLifecycle.SERVICE_EVIDENCE);
  }

  private static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> h) {
    AbstractStreamOperator<?> op = (AbstractStreamOperator<?>) h.getTwoInputOperator();
    return ((HeapKeyedStateBackend<?>) op.getKeyedStateBackend()).numKeyValueStateEntries();
  }

  @Test
  void ordersByEventTimeFiresResolvesAndCarriesThePosterior() throws Exception {
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h = harness()) {
      // the async detector delivered minute 2 before minute 1: in order they fire the alert
      h.processElement(new StreamRecord<>(result(2, 0.9), 2 * MIN));
      h.processElement(new StreamRecord<>(result(1, 0.9), 1 * MIN));
      h.processElement(new StreamRecord<>(result(3, 0.1), 3 * MIN));
      h.processElement(new StreamRecord<>(result(4, 0.1), 4 * MIN));
      assertThat(h.extractOutputValues()).isEmpty();
      h.watermark(2 * MIN);
      assertThat(h.extractOutputValues()).extracting(AlertEvent::status).containsExactly("firing");
      assertThat(h.extractOutputValues().get(0).eventTime()).isEqualTo("1970-01-01T00:02:00Z");
      h.watermark(4 * MIN);
      assertThat(h.extractOutputValues()).extracting(AlertEvent::status).containsExactly("firing", "resolved");
      AlertEvent fired = h.extractOutputValues().get(0);
      assertThat(fired.posterior()).isBetween(0.0, 1.0);
      assertThat(fired.uncertainty()).isBetween(0.0, 1.0);
      assertThat(fired.summary()).contains("Bayes: P(incident)=");
    }
  }

  @Test
  void warmupWindowsTeachTheBeliefButNeverAlertAndIdleKeysAreForgotten() throws Exception {
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h = harness()) {
      for (int m = 1; m <= 30; m++) {
        DetectionResult r = result(m, m % 10 == 0 ? 0.95 : 0.05);
        r.live = false;
        h.processElement(new StreamRecord<>(r, m * MIN));
      }
      h.watermark(30 * MIN);
      assertThat(h.extractOutputValues()).isEmpty();
      assertThat(keyedStateEntries(h)).isPositive();
      h.watermark(30 * MIN + RETENTION);
      assertThat(keyedStateEntries(h)).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void earlyWarningsGoOutBeforeThePageAndTheKeyIsStillForgotten() throws Exception {
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h =
        harnessWithEarlyWarnings()) {
      double[][] windows = {{0.1, 0.95}, {0.1, 0.97}, {0.2, 0.99}, {0.9, 0.99}, {0.95, 0.99},
          {0.1, 0.2}, {0.1, 0.2}};
      for (int m = 1; m <= windows.length; m++) {
        DetectionResult r = result(m, windows[m - 1][0]);
        r.earlyScore = windows[m - 1][1];
        r.modelVersion = "hybrid-v3+baseline-1";
        h.processElement(new StreamRecord<>(r, m * MIN));
      }
      h.watermark(windows.length * MIN);
      assertThat(h.extractOutputValues()).extracting(a -> a.eventTime().substring(11, 16) + " " + a.status())
          .containsExactly("00:02 early_warning", "00:05 firing", "00:07 resolved");
      assertThat(h.extractOutputValues().get(0).severity()).isEqualTo("info");
      h.watermark(windows.length * MIN + RETENTION);
      assertThat(keyedStateEntries(h)).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aKeyThatGoesSilentWhilePagingIsResolvedWhenItsStateIsDropped() throws Exception {
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h =
        harnessWithEarlyWarnings()) {
      for (int m = 1; m <= 3; m++) {
        DetectionResult r = result(m, 0.9);
        r.region = "us-east-1";
        h.processElement(new StreamRecord<>(r, m * MIN));
      }
      for (int m = 10; m <= 12; m++) {
        DetectionResult r = result(m, 0.1);
        r.service = "search";
        r.earlyScore = 0.95;
        r.modelVersion = "hybrid-v3+baseline-1";
        h.processElement(new StreamRecord<>(r, m * MIN));
      }
      h.watermark(12 * MIN);
      assertThat(h.extractOutputValues()).extracting(a -> a.service() + " " + a.status())
          .containsExactly("payments firing", "search early_warning");
      h.watermark(3 * MIN + RETENTION - 1);
      assertThat(h.extractOutputValues()).hasSize(2);
      h.watermark(12 * MIN + RETENTION);
      assertThat(h.extractOutputValues()).hasSize(4);
      AlertEvent fired = h.extractOutputValues().get(0);
      AlertEvent resolved = h.extractOutputValues().get(2);
      assertThat(resolved.status()).isEqualTo(AlertEvent.RESOLVED);
      assertThat(resolved.alertId()).isEqualTo(fired.alertId());
      assertThat(resolved.dedupKey()).isEqualTo(fired.dedupKey());
      assertThat(resolved.region()).isEqualTo("us-east-1");
      assertThat(resolved.eventTime()).isEqualTo("1970-01-01T01:03:00Z");
      assertThat(resolved.summary()).startsWith("No windows from aws/payments (us-east-1) for 1 h");
      AlertEvent cleared = h.extractOutputValues().get(3);
      assertThat(cleared.status()).isEqualTo(AlertEvent.EARLY_WARNING_CLEARED);
      assertThat(cleared.alertId()).isEqualTo(h.extractOutputValues().get(1).alertId());
      assertThat(cleared.modelVersion()).isEqualTo("hybrid-v3+baseline-1");
      assertThat(keyedStateEntries(h)).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void atTheEndOfABoundedInputOnlyAKeySilentWithinTheInputIsResolved() throws Exception {
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h = harness()) {
      for (int m = 1; m <= 3; m++) {
        h.processElement(new StreamRecord<>(result(m, 0.9), m * MIN));
      }
      h.watermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).as("the input ended, the key did not go silent")
          .extracting(AlertEvent::status).containsExactly("firing");
      assertThat(keyedStateEntries(h)).isZero();
    }
    try (KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> h = harness()) {
      for (int m = 1; m <= 3; m++) {
        h.processElement(new StreamRecord<>(result(m, 0.9), m * MIN));
      }
      DetectionResult later = result(3 + RETENTION / MIN + 1, 0.1);
      later.service = "search";
      h.processElement(new StreamRecord<>(later, later.windowEnd));
      h.watermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).as("search's window shows payments silent for the retention")
          .extracting(a -> a.service() + " " + a.status())
          .containsExactly("payments firing", "payments resolved");
      assertThat(keyedStateEntries(h)).isZero();
    }
  }
}
