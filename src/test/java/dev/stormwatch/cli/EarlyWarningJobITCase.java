package dev.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stormwatch.config.ConfigLoader;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.sink.JsonCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped detector ({@code hybrid-confirmed} with {@code models/hybrid/v4}) in the real job on
 * the demo's aws/checkout, whose certificate expiry shows first in the logs: the hybrid model's
 * early warning goes out through the alert lifecycle and the router before the confirmed page,
 * and the page supersedes it.
 */
class EarlyWarningJobITCase {
  private static final String KEY = "\"service\":\"checkout\"";

  @Test
  void theCertificateExpiryIsWarnedBeforeItIsPaged(@TempDir Path dir) throws Exception {
    Path history = only(Path.of("datasets/demo/history.jsonl.gz"), dir.resolve("history.jsonl"));
    Path live = only(Path.of("datasets/demo/live.jsonl.gz"), dir.resolve("live.jsonl"));
    Path out = dir.resolve("out");
    JobConfig cfg = ConfigLoader.fromArgs(DetectCommand.withDefaultDetector(List.of(
        "--warmup", history.toString(), "--input", live.toString(), "--output", out.toString()),
        ".").toArray(new String[0])).validate();
    assertThat(cfg.detector).isEqualTo("hybrid-confirmed");

    assertThat(DetectCommand.run(cfg, false)).isTrue();

    List<JsonNode> alerts = jsonLines(out.resolve("alerts.jsonl"));
    List<String> statuses = alerts.stream()
        .filter(a -> a.get("service").asText().equals("checkout"))
        .map(a -> a.get("status").asText()).toList();
    int warning = statuses.indexOf("early_warning");
    assertThat(warning).as("an early warning in %s", statuses).isNotNegative();
    assertThat(statuses.subList(warning + 1, statuses.size())).startsWith("firing");
    JsonNode w = alerts.get(warning);
    assertThat(w.get("severity").asText()).isEqualTo("info");
    assertThat(w.get("model_version").asText()).isEqualTo("hybrid-v4+baseline-1");
    assertThat(w.get("summary").asText()).startsWith("Early warning on aws/checkout");
    assertThat(w.get("contributors").get(0).get("signal").asText()).isEqualTo("log:templates");
    assertThat(w.get("log_evidence").toString()).containsIgnoringCase("certificate");
    JsonNode page = alerts.get(warning + 1);
    assertThat(page.get("event_time").asText()).isGreaterThan(w.get("event_time").asText());
    assertThat(page.get("dedup_key").asText()).isEqualTo(w.get("dedup_key").asText());

    assertThat(jsonLines(out.resolve("notifications.jsonl"))).extracting(n -> n.get("status").asText())
        .contains("early_warning", "firing");
    JsonNode summary = JsonCodec.mapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("early_warnings").asLong()).isEqualTo(statuses.stream()
        .filter("early_warning"::equals).count());
  }

  /** The lines of the gzipped demo file that belong to aws/checkout. */
  private static Path only(Path gz, Path to) throws IOException {
    List<String> kept = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.contains(KEY) && line.contains("\"provider\":\"aws\"")) {
          kept.add(line);
        }
      }
    }
    return Files.write(to, kept);
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(JsonCodec.mapper().readTree(line));
      }
    }
    return out;
  }
}
