package dev.stormwatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.testing.EmbeddedKafka;
import dev.stormwatch.testing.TelemetryWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback from a Kafka topic (in-JVM broker): a verdict on the topic silences the repeats of the
 * recurring false alarm, and an empty feedback topic that never ends does not hold back alerts
 * (watermark idleness).
 */
class FeedbackKafkaITCase {
  private static final String TOPIC = "stormwatch.feedback";

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  private static JobConfig config(Path dir, Path history, Path live, String bootstrap) {
    JobConfig cfg = new JobConfig();
    cfg.inputFiles = List.of(live.toString());
    cfg.warmupFiles = List.of(history.toString());
    cfg.kafkaBootstrap = bootstrap;
    cfg.inputTopics = List.of();
    cfg.feedbackTopic = TOPIC;
    cfg.startingOffsets = "earliest";
    cfg.outputDir = dir.resolve("out").toString();
    cfg.parallelism = 2;
    return cfg.validate();
  }

  @Test
  void aVerdictOnTheFeedbackTopicSilencesTheRecurringFalseAlarm(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    FeedbackRepeatsITCase.writeRecurringPattern(history, live);
    // the first repeat raises its alert at about 12:42 and resolves before 13:40
    Instant verdictAt = FeedbackRepeatsITCase.START.plusSeconds((FeedbackRepeatsITCase.HISTORY + 100) * 60L);
    String dedupKey = AlertPolicy.dedupKey("aws", "payments", BaselineDetector.MODEL_VERSION);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(TOPIC, 1);
      kafka.produce(TOPIC, List.of(
          new String[] {dedupKey, FeedbackRepeatsITCase.verdict(dedupKey, "false_positive", verdictAt)},
          new String[] {null, "{\"dedup_key\":\"" + dedupKey + "\",\"verdict\":\"false_positive\"}"}));
      JobConfig cfg = config(dir, history, live, kafka.bootstrap());
      cfg.kafkaBounded = true;
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      StormwatchJob.build(env, cfg);
      JobExecutionResult result = env.execute("stormwatch-feedback-kafka-it");

      assertThat((Long) result.getAccumulatorResult(AlertLifecycle.FEEDBACK_COUNTER)).isEqualTo(1L);
      Path out = dir.resolve("out");
      assertThat(FeedbackRepeatsITCase.firing(out, "payments"))
          .as("the recurring pattern fires %d times without feedback", FeedbackRepeatsITCase.REPEATS - 1)
          .hasSizeLessThanOrEqualTo(2)
          .first().satisfies(a -> assertThat(Instant.parse(a.get("event_time").asText())).isBefore(verdictAt));
      assertThat(FeedbackRepeatsITCase.read(out.resolve(StormwatchJob.DEAD_LETTER_FILE)))
          .extracting(d -> d.get("reason").asText()).containsExactly("missing_field");
    }
  }

  @Test
  void anEmptyUnboundedFeedbackTopicDoesNotStallAlerts(@TempDir Path dir) throws Exception {
    TelemetryWriter writer = new TelemetryWriter(FeedbackRepeatsITCase.START, 7);
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    writer.write(history, 0, 720, -1, 0, 0);
    writer.write(live, 720, 900, 0, 800, 830);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(TOPIC, 1);
      JobConfig cfg = config(dir, history, live, kafka.bootstrap());
      cfg.idleTimeout = Duration.ofSeconds(1);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      StormwatchJob.build(env, cfg);
      JobClient job = env.executeAsync("stormwatch-feedback-idle-it");
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long firing = 0;
        long resolved = 0;
        while (System.nanoTime() < deadline && resolved == 0) {
          Map<String, Object> acc = job.getAccumulators().get(10, TimeUnit.SECONDS);
          firing = count(acc, AlertLifecycle.FIRING_COUNTER);
          resolved = count(acc, AlertLifecycle.RESOLVED_COUNTER);
          assertThat(job.getJobExecutionResult()).isNotDone();
          Thread.sleep(250);
        }
        assertThat(firing).as("alerts flow while the feedback topic stays empty").isEqualTo(1);
        assertThat(resolved).isEqualTo(1);
      } finally {
        job.cancel().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long count(Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v instanceof Number n ? n.longValue() : 0;
  }
}
