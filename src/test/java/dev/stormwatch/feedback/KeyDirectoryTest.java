package dev.stormwatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.DeadLetter;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The dedup-key directory releases feedback at its own event time and expires unknown keys. */
class KeyDirectoryTest {
  private static final long MIN = 60_000L;
  private static final long HOLD = 60 * MIN;

  private static KeyedTwoInputStreamOperatorTestHarness<String, KeySeen, Feedback, FeedbackUpdate> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new KeyDirectory(HOLD), k -> k.dedupKey, f -> f.dedupKey, Types.STRING);
  }

  private static Feedback fb(String key, String verdict, long minute) {
    return new Feedback(key, verdict, minute * MIN, "{raw}", "test");
  }

  @Test
  void releasesFeedbackWhenTheWatermarkReachesItsTime() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<String, KeySeen, Feedback, FeedbackUpdate> h = harness()) {
      h.processElement1(new StreamRecord<>(new KeySeen("aws", "payments", "k1"), 1 * MIN));
      h.processElement2(new StreamRecord<>(fb("k1", "false_positive", 30), 30 * MIN));
      h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(29 * MIN));
      assertThat(h.extractOutputValues()).isEmpty();
      h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(30 * MIN));
      assertThat(h.extractOutputValues()).singleElement().satisfies(u -> {
        assertThat(u.provider).isEqualTo("aws");
        assertThat(u.service).isEqualTo("payments");
        assertThat(u.verdict).isEqualTo("false_positive");
        assertThat(u.timeMillis).isEqualTo(30 * MIN);
      });
      h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(30 * MIN + HOLD));
      assertThat(h.extractOutputValues()).hasSize(1);
      assertThat(h.getSideOutput(KeyDirectory.UNKNOWN)).isNull();
    }
  }

  @Test
  void holdsFeedbackForAKeySeenLaterAndDeadLettersOneNeverSeen() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<String, KeySeen, Feedback, FeedbackUpdate> h = harness()) {
      h.processElement2(new StreamRecord<>(fb("late-key", "true_positive", 10), 10 * MIN));
      h.processElement2(new StreamRecord<>(fb("nobody", "false_positive", 10), 10 * MIN));
      h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(20 * MIN));
      assertThat(h.extractOutputValues()).isEmpty();
      h.processElement1(new StreamRecord<>(new KeySeen("gcp", "search", "late-key"), 21 * MIN));
      assertThat(h.extractOutputValues()).extracting(u -> u.service).containsExactly("search");
      h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(10 * MIN + HOLD));
      assertThat(h.getSideOutput(KeyDirectory.UNKNOWN)).singleElement()
          .satisfies(r -> assertThat(r.getValue().reason()).isEqualTo(DeadLetter.Reasons.UNKNOWN_DEDUP_KEY));
      assertThat(h.extractOutputValues()).hasSize(1);
    }
  }

  @Test
  void boundsTheFeedbackHeldForOneUnknownKey() throws Exception {
    try (KeyedTwoInputStreamOperatorTestHarness<String, KeySeen, Feedback, FeedbackUpdate> h = harness()) {
      for (int i = 0; i <= KeyDirectory.MAX_HELD; i++) {
        h.processElement2(new StreamRecord<>(fb("flood", "false_positive", i), i * MIN));
      }
      assertThat(h.getSideOutput(KeyDirectory.UNKNOWN)).hasSize(1);
    }
  }
}
