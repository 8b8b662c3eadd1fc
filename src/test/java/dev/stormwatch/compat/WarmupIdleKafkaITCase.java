package dev.stormwatch.compat;

import dev.stormwatch.testing.JobRuns;
import static dev.stormwatch.compat.CompatScenario.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.source.ParseRecords;
import dev.stormwatch.testing.EmbeddedKafka;
import dev.stormwatch.testing.TelemetryWriter;
import dev.stormwatch.window.WindowAssembler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm-up file (and a feedback file) next to an unbounded Kafka input whose records pause for
 * longer than the idle timeout: a finished file input must not push event time to the end (which
 * fired every retention timer and made every later record late), neither in the first run nor
 * after a savepoint, and the windows before the pause are still decided.
 */
class WarmupIdleKafkaITCase {
  private static final Duration IDLE = Duration.ofSeconds(2);
  /** A pause well past the idle timeout (and the rescan of the warm-up path). */
  private static final long PAUSE_MILLIS = IDLE.toMillis() + 3_000;
  private static final int WARMUP_END = 720;
  private static final int PAUSE_AT = 780;
  private static final int RESUME_AT = 860;
  private static final int RESTORED_PAUSE_AT = 880;
  private static final int END = 960;
  private static final int PAYMENTS = 0;

  @Test
  void pausedKafkaInputKeepsStateAndEventTimeWithFinishedWarmup(@TempDir Path dir) throws Exception {
    Path warmup = dir.resolve("warmup.jsonl");
    TelemetryWriter writer = new TelemetryWriter(CompatScenario.START, 11);
    writer.write(warmup, 0, WARMUP_END, -1, 0, 0);
    int warmupRecords = Files.readAllLines(warmup).size();
    // a bounded feedback file finishes (and is restored as finished): its end-of-input watermark
    // must not take over the alert operator either
    Path feedback = dir.resolve("feedback.jsonl");
    Files.writeString(feedback, "{\"dedup_key\":\"no-such-alert\",\"verdict\":\"false_positive\",\"time\":\""
        + CompatScenario.START.plusSeconds(WARMUP_END * 60L) + "\"}\n");
    Path out1 = dir.resolve("out1");
    Path out2 = dir.resolve("out2");
    String savepoint;
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic(CompatScenario.TOPIC, 1);
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.getExecutionEnvironment(CompatScenario.flinkConfig());
      StormwatchJob.build(env, jobConfig(kafka.bootstrap(), warmup, feedback, out1));
      JobClient job = env.executeAsync("warmup-idle-kafka");
      try {
        int before = produce(kafka, writer, dir, WARMUP_END, PAUSE_AT, -1);
        CompatScenario.awaitAccumulators(job,
            acc -> counter(acc, ParseRecords.RECORDS_IN) >= warmupRecords + before,
            Duration.ofSeconds(30), "warm-up and the first live hour");
        Thread.sleep(PAUSE_MILLIS);
        int after = produce(kafka, writer, dir, PAUSE_AT, RESUME_AT, PAYMENTS);
        Map<String, Object> acc = awaitFiringOrLate(job, warmupRecords + before + after);
        assertThat(counter(acc, WindowAssembler.LATE_COUNTER)).as("records late after the pause").isZero();
        assertThat(counter(acc, AlertLifecycle.FIRING_COUNTER)).as("payments' incident after the pause")
            .isEqualTo(1);
        savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        JobRuns.cancelQuietly(job);
      }
      assertFiringDuring(out1, PAUSE_AT + 20, PAUSE_AT + 26);

      Configuration conf = CompatScenario.flinkConfig();
      SavepointRestoreSettings.toConfiguration(SavepointRestoreSettings.forPath(savepoint, false), conf);
      StreamExecutionEnvironment restored = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      StormwatchJob.build(restored, jobConfig(kafka.bootstrap(), warmup, feedback, out2));
      job = restored.executeAsync("warmup-idle-kafka-restored");
      try {
        int before = produce(kafka, writer, dir, RESUME_AT, RESTORED_PAUSE_AT, -1);
        CompatScenario.awaitAccumulators(job, a -> counter(a, ParseRecords.RECORDS_IN) >= before,
            Duration.ofSeconds(30), "the restored job's first live records");
        Thread.sleep(PAUSE_MILLIS);
        int after = produce(kafka, writer, dir, RESTORED_PAUSE_AT, END, PAYMENTS);
        Map<String, Object> acc = awaitFiringOrLate(job, before + after);
        assertThat(counter(acc, WindowAssembler.LATE_COUNTER)).as("late after the restored pause").isZero();
        assertThat(counter(acc, ParseRecords.RECORDS_IN)).as("records read (warm-up not read again)")
            .isEqualTo(before + after);
        assertThat(counter(acc, AlertLifecycle.FIRING_COUNTER)).as("incident after the restored pause")
            .isEqualTo(1);
        job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
            SavepointFormatType.CANONICAL).get(1, TimeUnit.MINUTES);
        job.getJobExecutionResult().get(1, TimeUnit.MINUTES);
      } finally {
        JobRuns.cancelQuietly(job);
      }
      assertFiringDuring(out2, RESTORED_PAUSE_AT + 20, RESTORED_PAUSE_AT + 26);
    }
  }

  private static JobConfig jobConfig(String bootstrap, Path warmup, Path feedback, Path out) {
    JobConfig cfg = CompatScenario.jobConfig(bootstrap, out);
    cfg.warmupFiles = new ArrayList<>(List.of(warmup.toString()));
    cfg.feedbackFiles = new ArrayList<>(List.of(feedback.toString()));
    cfg.idleTimeout = IDLE;
    return cfg.validate();
  }

  /** Produces minutes [from, to) to the topic, with payments' incident from minute from + 20 if asked. */
  private static int produce(EmbeddedKafka kafka, TelemetryWriter writer, Path dir, int from, int to,
      int incidentService) throws Exception {
    Path file = dir.resolve("live-" + from + ".jsonl");
    writer.write(file, from, to, incidentService, from + 20, from + 50);
    return CompatScenario.produce(kafka, file);
  }

  private static Map<String, Object> awaitFiringOrLate(JobClient job, long records) throws Exception {
    return CompatScenario.awaitAccumulators(job,
        acc -> counter(acc, WindowAssembler.LATE_COUNTER) > 0
            || (counter(acc, ParseRecords.RECORDS_IN) >= records
                && counter(acc, AlertLifecycle.FIRING_COUNTER) > 0),
        Duration.ofSeconds(30), "the incident after the pause");
  }

  private static void assertFiringDuring(Path out, int fromMinute, int toMinute) throws Exception {
    List<JsonNode> firing = JobRuns.readJsonLines(out.resolve(StormwatchJob.ALERTS_FILE)).stream()
        .filter(a -> a.get("status").asText().equals("firing")).toList();
    assertThat(firing).as("firing alerts in %s", out).hasSize(1);
    assertThat(firing.get(0).get("service").asText()).isEqualTo("payments");
    assertThat(Instant.parse(firing.get(0).get("event_time").asText())).isBetween(
        CompatScenario.START.plusSeconds(fromMinute * 60L), CompatScenario.START.plusSeconds(toMinute * 60L));
  }
}
