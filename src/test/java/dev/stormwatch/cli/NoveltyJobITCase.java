package dev.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.sink.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code novelty} detector in the real job on the demo scenario, with the repository's Flink
 * configuration (RocksDB): the window step tracks each key's novelty in keyed state, and the job
 * pages for most incidents without a false alarm.
 */
class NoveltyJobITCase {

  @Test
  void theJobPagesOnNoveltyKeptInKeyedState(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    JobConfig cfg = ConfigLoader.fromArgs(new String[] {
        "--warmup", "datasets/demo/history.jsonl.gz", "--input", "datasets/demo/live.jsonl.gz",
        "--output", out.toString(), "--detector", "novelty"}).validate();

    assertThat(DetectCommand.run(cfg, false)).isTrue();

    JsonNode summary = JsonCodec.mapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("windows_scored").asLong()).isEqualTo(12L * 12 * 60);
    List<String> lines = Files.readAllLines(out.resolve("alerts.jsonl")).stream()
        .filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(JsonCodec.mapper().readTree(line).get("model_version").asText())
          .isEqualTo("novelty-1");
    }
    ScenarioReport report = new ScenarioEvaluator().evaluate(
        Label.read(Path.of("datasets/demo/incidents.json")),
        Label.read(Path.of("datasets/demo/benign.json")),
        AlertEpisodes.episodes(AlertEpisodes.read(out.resolve("alerts.jsonl"))),
        Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-03T12:00:00Z"), 12);
    assertThat(report.detected()).as("measured: 9 of 9").isGreaterThanOrEqualTo(8);
    assertThat(report.falseAlarms()).as("measured: 0").isLessThanOrEqualTo(1);
  }
}
