package dev.stormwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import dev.stormwatch.testing.TelemetryWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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

/** The whole job on a MiniCluster at parallelism 2 with RocksDB state, from files to files. */
class StormwatchPipelineITCase {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

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
  void incidentFiresAndResolvesOnItsServiceOnlyAndBadRecordsBecomeDeadLetters(@TempDir Path dir)
      throws Exception {
    TelemetryWriter writer = new TelemetryWriter(START, 7);
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    writer.write(history, 0, 720, -1, 0, 0);
    writer.write(live, 720, 900, 0, 800, 830);
    List<String> bad = List.of(
        "{not json",
        "{\"kind\":\"metric\",\"time\":\"2026-03-02T13:00:00Z\",\"provider\":\"aws\",\"service\":\"payments\",\"metrics\":{\"cpu_util\":\"high\"}}",
        "[1,2,3]");
    Files.write(live, bad, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    JobExecutionResult result = run(dir, history, live);

    List<JsonNode> alerts = read(dir.resolve("out/alerts.jsonl"));
    List<JsonNode> firing = alerts.stream().filter(a -> a.get("status").asText().equals("firing")).toList();
    assertThat(firing).hasSize(1);
    JsonNode alert = firing.get(0);
    assertThat(alert.get("provider").asText()).isEqualTo("aws");
    assertThat(alert.get("service").asText()).isEqualTo("payments");
    Instant raised = Instant.parse(alert.get("event_time").asText());
    assertThat(raised).isBetween(START.plusSeconds(800 * 60), START.plusSeconds(806 * 60));
    assertThat(alert.get("contributors").size()).isPositive();
    for (String field : List.of("alert_id", "dedup_key", "severity", "region", "emitted_at", "score",
        "posterior", "model_version", "summary", "log_evidence")) {
      assertThat(alert.has(field)).as(field).isTrue();
    }
    List<JsonNode> resolved = alerts.stream().filter(a -> a.get("status").asText().equals("resolved")).toList();
    assertThat(resolved).hasSize(1);
    assertThat(resolved.get(0).get("dedup_key").asText()).isEqualTo(alert.get("dedup_key").asText());
    assertThat(Instant.parse(resolved.get(0).get("event_time").asText())).isAfter(START.plusSeconds(830 * 60));

    List<JsonNode> dead = read(dir.resolve("out/dead-letter.jsonl"));
    assertThat(dead).extracting(d -> d.get("reason").asText())
        .containsExactlyInAnyOrder("invalid_json", "invalid_metric", "not_an_object");
    long lines = Files.readAllLines(history).size() + Files.readAllLines(live).size();
    assertThat((Long) result.getAccumulatorResult("records_in")).isEqualTo(lines);
    assertThat((Long) result.getAccumulatorResult("records_valid")).isEqualTo(lines - 3);
    assertThat((Long) result.getAccumulatorResult("windows_scored")).isGreaterThan(3 * 170L);
  }

  @Test
  void cleanStreamRaisesNoAlert(@TempDir Path dir) throws Exception {
    TelemetryWriter writer = new TelemetryWriter(START, 11);
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    writer.write(history, 0, 720, -1, 0, 0);
    writer.write(live, 720, 900, -1, 0, 0);
    run(dir, history, live);
    assertThat(read(dir.resolve("out/alerts.jsonl"))).isEmpty();
    assertThat(read(dir.resolve("out/dead-letter.jsonl"))).isEmpty();
  }

  @Test
  void aServiceThatGoesSilentWhilePagingIsResolvedWhenItsKeyIsForgotten(@TempDir Path dir)
      throws Exception {
    TelemetryWriter writer = new TelemetryWriter(START, 7);
    Path history = dir.resolve("history.jsonl");
    Path live = dir.resolve("live.jsonl");
    writer.write(history, 0, 720, -1, 0, 0);
    writer.write(live, 720, 900, 0, 800, 900);
    String silentFrom = START.plusSeconds(815 * 60).toString();
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(live)) {
      JsonNode r = JsonCodec.mapper().readTree(line);
      if (!r.get("service").asText().equals("payments") || r.get("time").asText().compareTo(silentFrom) < 0) {
        kept.add(line);
      }
    }
    Files.write(live, kept, StandardCharsets.UTF_8);

    // parallelism 1: at the end of a bounded input a key counts as silent only next to newer
    // windows of its own subtask
    run(dir, history, live, Duration.ofMinutes(40), 1);

    List<JsonNode> payments = read(dir.resolve("out/alerts.jsonl")).stream()
        .filter(a -> a.get("service").asText().equals("payments")).toList();
    assertThat(payments).extracting(a -> a.get("status").asText()).containsExactly("firing", "resolved");
    JsonNode resolved = payments.get(1);
    assertThat(resolved.get("alert_id").asText()).isEqualTo(payments.get(0).get("alert_id").asText());
    assertThat(resolved.get("summary").asText()).startsWith("No windows from aws/payments")
        .contains("alert closed without recovery seen");
    assertThat(Instant.parse(resolved.get("event_time").asText()))
        .isBetween(START.plusSeconds((815 + 40) * 60), START.plusSeconds((815 + 40 + 11) * 60));
  }

  private static JobExecutionResult run(Path dir, Path history, Path live) throws Exception {
    return run(dir, history, live, new JobConfig().keyRetention, 2);
  }

  private static JobExecutionResult run(Path dir, Path history, Path live, Duration keyRetention,
      int parallelism) throws Exception {
    JobConfig cfg = new JobConfig();
    cfg.keyRetention = keyRetention;
    cfg.inputFiles = List.of(live.toString());
    cfg.warmupFiles = List.of(history.toString());
    cfg.outputDir = dir.resolve("out").toString();
    cfg.parallelism = parallelism;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StormwatchJob.build(env, cfg.validate());
    return env.execute("stormwatch-it");
  }

  private static List<JsonNode> read(Path file) throws IOException {
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
