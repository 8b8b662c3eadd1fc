package dev.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.sim.ScenarioGenerator;
import dev.stormwatch.sim.ScenarioWriter;
import dev.stormwatch.sim.SimConfig;
import dev.stormwatch.sink.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line run over a 48-hour, 12-service, 4-provider simulated stream with malformed lines
 * mixed in, with the repository's Flink configuration (RocksDB, checkpoints): it finishes, writes
 * all three outputs, the dead-letter file holds exactly the malformed lines, and the evaluator
 * scores the alerts against the simulator's labels.
 */
class DetectCommandITCase {

  @Test
  void boundedRunWritesAllOutputsAndDeadLettersExactlyTheMalformedLines(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    SimConfig sim = new SimConfig(4242L, data, Instant.parse("2026-03-02T00:00:00Z"), 24, 24, 4, 3,
        10, 4, 24, false);
    ScenarioWriter.write(ScenarioGenerator.generate(sim));
    Path out = dir.resolve("out");
    JobConfig cfg = ConfigLoader.fromArgs(new String[] {
        "--warmup", data.resolve("history.jsonl").toString(),
        "--input", data.resolve("live.jsonl").toString(),
        "--output", out.toString()}).validate();

    assertThat(DetectCommand.run(cfg, false)).isTrue();

    JsonNode summary = JsonCodec.mapper().readTree(out.resolve("summary.json").toFile());
    long history = lines(data.resolve("history.jsonl")).size();
    List<String> live = lines(data.resolve("live.jsonl"));
    List<JsonNode> malformed = jsonLines(data.resolve("malformed.jsonl"));
    assertThat(history + live.size()).isBetween(125_000L, 160_000L);
    assertThat(summary.get("records_in").asLong()).isEqualTo(history + live.size());
    assertThat(summary.get("records_valid").asLong()).isEqualTo(history + live.size() - malformed.size());
    assertThat(summary.get("dead_letters").asLong()).isEqualTo(malformed.size());
    assertThat(summary.get("late_records").asLong()).isZero();
    assertThat(summary.get("windows_scored").asLong()).isEqualTo(12L * 24 * 60);
    assertThat(summary.get("alerts_firing").asLong()).isPositive();
    assertThat(summary.get("wall_seconds").asDouble()).isPositive();
    assertThat(Files.exists(out.resolve("alerts.jsonl"))).isTrue();

    Map<String, String> expected = new HashMap<>();
    for (JsonNode m : malformed) {
      String raw = live.get(m.get("line_number").asInt() - 1);
      expected.put(raw.length() > 1024 ? raw.substring(0, 1024) : raw, m.get("reason").asText());
    }
    Map<String, String> actual = new HashMap<>();
    for (JsonNode d : jsonLines(out.resolve("dead-letter.jsonl"))) {
      actual.put(d.get("raw").asText(), d.get("reason").asText());
    }
    assertThat(actual).isEqualTo(expected);

    // round trip simulator -> job -> evaluator: the baseline catches most incidents
    ScenarioReport report = new ScenarioEvaluator().evaluate(
        Label.read(data.resolve("incidents.json")), Label.read(data.resolve("benign.json")),
        AlertEpisodes.episodes(AlertEpisodes.read(out.resolve("alerts.jsonl"))),
        Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"), 12);
    assertThat(report.incidents()).isEqualTo(10);
    assertThat(report.recall()).isGreaterThanOrEqualTo(0.7);
    assertThat(report.truePositiveEpisodes()).isPositive();
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
    }
    return out;
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines(file)) {
      out.add(JsonCodec.mapper().readTree(line));
    }
    return out;
  }
}
