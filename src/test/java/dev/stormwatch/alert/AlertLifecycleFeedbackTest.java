package dev.stormwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.Keys;
import dev.stormwatch.feedback.FeedbackUpdate;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The alert operator learns from broadcast feedback: a false_positive on a burst's alert keeps the
 * same burst from alerting again, applied only from the feedback's own time; the provider's other,
 * new services start from a prior lowered by the pooled verdict.
 */
class AlertLifecycleFeedbackTest {
  private static final long MIN = 60_000L;
  private static final int WARMUP = 400;

  private static KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate, AlertEvent> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new AlertLifecycle(new AlertPolicy(0.7, 2, 0.5, 2, true), PosteriorCalculator.defaults(), 0.02, 200,
            100_000 * MIN),
        DetectionResult::key, Types.STRING, AlertLifecycle.SERVICE_EVIDENCE);
  }

  private static DetectionResult window(String service, long minute, double score, boolean live) {
    DetectionResult r = new DetectionResult();
    r.live = live;
    r.provider = "aws";
    r.service = service;
    r.windowEnd = minute * MIN;
    r.score = score;
    r.modelVersion = "baseline-1";
    return r;
  }

  /** Warm-up, then a 20-window burst at 0.98 from minute 420 and another from minute 520. */
  private static void feedPayments(KeyedBroadcastOperatorTestHarness<String, DetectionResult, FeedbackUpdate,
      AlertEvent> h, FeedbackUpdate feedback) throws Exception {
    for (int m = 1; m <= WARMUP; m++) {
      h.processElement(window("payments", m, 0.02 + 0.01 * (m % 5), false), m * MIN);
    }
    for (int m = WARMUP + 1; m <= 600; m++) {
      boolean burst = (m >= 420 && m < 440) || (m >= 520 && m < 540);
      h.processElement(window("payments", m, burst ? 0.98 : 0.05, true), m * MIN);
    }
    h.watermark(470 * MIN);
    if (feedback != null) {
      h.processBroadcastElement(feedback, feedback.timeMillis);
    }
    h.watermark(600 * MIN);
  }

  private static long firing(KeyedBroadcastOperatorTestHarness<?, ?, ?, AlertEvent> h) {
    return h.extractOutputValues().stream().filter(a -> a.status().equals(AlertEvent.FIRING)).count();
  }

  private static KeyBelief belief(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> h, String service)
      throws Exception {
    KeyedStateBackend<Object> backend =
        ((AbstractStreamOperator<?>) h.getTwoInputOperator()).getKeyedStateBackend();
    backend.setCurrentKey(Keys.of("aws", service));
    ValueState<KeyBelief> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
        VoidNamespaceSerializer.INSTANCE, new ValueStateDescriptor<>("belief", TypeInformation.of(KeyBelief.class)));
    return state.value();
  }

  private static FeedbackUpdate falsePositive(long minute) {
    return new FeedbackUpdate("aws", "payments", "stormwatch-x", "false_positive", minute * MIN);
  }

  @Test
  void withoutFeedbackTheSameBurstAlertsTwice() throws Exception {
    try (var h = harness()) {
      feedPayments(h, null);
      assertThat(firing(h)).isEqualTo(2);
    }
  }

  @Test
  void falsePositiveFeedbackOnTheFirstAlertSilencesTheRepeat() throws Exception {
    try (var h = harness()) {
      feedPayments(h, falsePositive(480));
      assertThat(firing(h)).isEqualTo(1);
      KeyBelief b = belief(h, "payments");
      assertThat(b.prior.falsePositives).isEqualTo(1);
      assertThat(b.pendingFeedbackTimes).isEmpty();
      assertThat(b.prior.mean()).isLessThan(0.02);
    }
  }

  @Test
  void feedbackWaitsForItsOwnTimeBeforeItApplies() throws Exception {
    try (var h = harness()) {
      for (int m = 1; m <= 500; m++) {
        h.processElement(window("payments", m, m >= 420 && m < 440 ? 0.98 : 0.05, m > WARMUP), m * MIN);
      }
      h.watermark(470 * MIN);
      h.processBroadcastElement(falsePositive(480), 480 * MIN);
      assertThat(belief(h, "payments").pendingFeedbackTimes).containsExactly(480 * MIN);
      h.watermark(479 * MIN);
      assertThat(belief(h, "payments").prior.falsePositives).isZero();
      h.watermark(480 * MIN);
      assertThat(belief(h, "payments").prior.falsePositives).isEqualTo(1);
      assertThat(belief(h, "payments").pendingFeedbackTimes).isEmpty();
    }
  }

  @Test
  void feedbackThatArrivesBeforeTheKeysFirstWindowIsProcessedStillApplies() throws Exception {
    try (var h = harness()) {
      for (int m = 1; m <= 600; m++) {
        boolean burst = (m >= 420 && m < 440) || (m >= 520 && m < 540);
        h.processElement(window("payments", m, burst ? 0.98 : 0.02 + 0.01 * (m % 5), m > WARMUP), m * MIN);
      }
      // the feedback branch ran ahead: the verdict arrives while every window still waits here
      h.processBroadcastElement(falsePositive(480), 480 * MIN);
      h.watermark(600 * MIN);
      assertThat(firing(h)).isEqualTo(1);
      assertThat(belief(h, "payments").prior.falsePositives).isEqualTo(1);
    }
  }

  @Test
  void aNewServiceOfTheProviderStartsFromTheLoweredProviderPrior() throws Exception {
    try (var h = harness()) {
      feedPayments(h, falsePositive(480));
      h.processElement(window("ledger", 601, 0.05, false), 601 * MIN);
      h.watermark(601 * MIN);
      // configured Beta(4, 196) plus one pooled verdict of 10 quiet windows, discounted over the
      // 121 minutes from the verdict to ledger's first window (half-life 14 days), shrunk to 200
      double quiet = 10 * Math.pow(0.5, 121.0 / (14 * 24 * 60));
      assertThat(belief(h, "ledger").prior.mean()).isCloseTo(4.0 / (200 + quiet), within(1e-12))
          .isLessThan(0.02);
      assertThat(belief(h, "ledger").prior.alpha + belief(h, "ledger").prior.beta).isCloseTo(200, within(1e-9));
      assertThat(h.getBroadcastState(AlertLifecycle.SERVICE_EVIDENCE).get(Keys.of("aws", "payments")).times)
          .containsExactly(480 * MIN);
    }
  }
}
