package dev.stormwatch.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.StormwatchJob;
import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a MiniCluster at parallelism 2 with RocksDB state: a benign pattern (a nightly-batch-like
 * latency and error burst) recurs every two hours on aws/payments and raises a false alarm each time; one false_positive verdict on the first alert,
 * from a feedback file, leaves measurably fewer repeats than the same run without feedback. Bad
 * feedback lines become dead letters and the job completes.
 */
class FeedbackRepeatsITCase {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  static final int HISTORY = 720;
  static final int PERIOD = 120;
  static final int PATTERN_MINUTES = 20;
  static final int REPEATS = 6;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .setConfiguration(rocksDb())
          .build());

  private static Configuration rocksDb() {
    Configuration c = new Configuration();
    c.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    return c;
  }

  @Test
  void falsePositiveFeedbackOnTheFirstAlertSilencesItsRepeats(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    writeRecurringPattern(history, live);

    run(dir.resolve("plain"), history, live, List.of());
    List<JsonNode> plain = firing(dir.resolve("plain"), "payments");
    assertThat(plain).as("the benign pattern alerts on most of its repeats without feedback")
        .hasSizeGreaterThanOrEqualTo(REPEATS - 2);
    JsonNode first = plain.get(0);
    Instant firstAt = Instant.parse(first.get("event_time").asText());

    Path feedback = dir.resolve("feedback.jsonl");
    Files.write(feedback, List.of(
        verdict(first.get("dedup_key").asText(), "false_positive", firstAt.plusSeconds(40 * 60)),
        "{not json",
        "{\"dedup_key\":\"x\",\"verdict\":\"maybe\",\"time\":\"2026-03-02T13:00:00Z\"}",
        verdict("stormwatch-no-such-key", "false_positive", firstAt.plusSeconds(60))),
        StandardCharsets.UTF_8);
    JobExecutionResult withFeedback = run(dir.resolve("fed"), history, live, List.of(feedback.toString()));
    List<JsonNode> fed = firing(dir.resolve("fed"), "payments");

    long repeatsPlain = repeatsAfter(plain, firstAt);
    long repeatsFed = repeatsAfter(fed, firstAt);
    System.out.printf("payments firing alerts after the first: without feedback %d, with feedback %d%n",
        repeatsPlain, repeatsFed);
    assertThat(fed.get(0).get("event_time").asText()).isEqualTo(first.get("event_time").asText());
    assertThat(repeatsFed).isLessThan(repeatsPlain);
    assertThat(repeatsFed).isLessThanOrEqualTo(repeatsPlain / 2);
    assertThat((Long) withFeedback.getAccumulatorResult(AlertLifecycle.FEEDBACK_COUNTER)).isEqualTo(1L);
    assertThat((Long) withFeedback.getAccumulatorResult(ParseFeedback.REJECTED_COUNTER)).isEqualTo(3L);
    // the other services are untouched by payments' feedback
    assertThat(firing(dir.resolve("fed"), "search")).hasSameSizeAs(firing(dir.resolve("plain"), "search"));
    assertThat(read(dir.resolve("fed/dead-letter.jsonl"))).extracting(d -> d.get("reason").asText())
        .containsExactlyInAnyOrder("invalid_json", "unknown_verdict", "unknown_dedup_key");

    // a replay of the same telemetry and feedback gives the same alerts (feedback is applied in event time)
    run(dir.resolve("replay"), history, live, List.of(feedback.toString()));
    assertThat(fingerprint(dir.resolve("replay"))).isEqualTo(fingerprint(dir.resolve("fed")));
  }

  private static List<String> fingerprint(Path out) throws IOException {
    return read(out.resolve(StormwatchJob.ALERTS_FILE)).stream()
        .map(a -> a.get("alert_id").asText() + " " + a.get("status").asText() + " " + a.get("event_time").asText()
            + " " + a.get("posterior").asText())
        .sorted()
        .toList();
  }

  /** Quiet history, then the pattern on payments (service 0) every {@link #PERIOD} minutes. */
  static void writeRecurringPattern(Path history, Path live) throws IOException {
    TelemetryWriter writer = new TelemetryWriter(START, 41);
    writer.write(history, 0, HISTORY, -1, 0, 0);
    Files.deleteIfExists(live);
    Path segment = live.resolveSibling("segment.jsonl");
    for (int k = 0; k < REPEATS; k++) {
      int from = HISTORY + k * PERIOD;
      writer.write(segment, from, from + PERIOD, 0, from + 40, from + 40 + PATTERN_MINUTES);
      Files.write(live, Files.readAllBytes(segment), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    Files.delete(segment);
  }

  static String verdict(String dedupKey, String verdict, Instant time) {
    return "{\"dedup_key\":\"" + dedupKey + "\",\"verdict\":\"" + verdict + "\",\"time\":\"" + time + "\"}";
  }

  static JobExecutionResult run(Path out, Path history, Path live, List<String> feedback) throws Exception {
    JobConfig cfg = new JobConfig();
    cfg.inputFiles = List.of(live.toString());
    cfg.warmupFiles = List.of(history.toString());
    cfg.feedbackFiles = feedback;
    cfg.outputDir = out.toString();
    cfg.parallelism = 2;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StormwatchJob.build(env, cfg.validate());
    return env.execute("stormwatch-feedback-it");
  }

  static List<JsonNode> firing(Path out, String service) throws IOException {
    return read(out.resolve(StormwatchJob.ALERTS_FILE)).stream()
        .filter(a -> a.get("status").asText().equals("firing") && a.get("service").asText().equals(service))
        .sorted((a, b) -> a.get("event_time").asText().compareTo(b.get("event_time").asText()))
        .toList();
  }

  private static long repeatsAfter(List<JsonNode> alerts, Instant first) {
    return alerts.stream().filter(a -> Instant.parse(a.get("event_time").asText()).isAfter(first)).count();
  }

  static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(JsonCodec.mapper().readTree(line));
      }
    }
    return out;
  }
}
