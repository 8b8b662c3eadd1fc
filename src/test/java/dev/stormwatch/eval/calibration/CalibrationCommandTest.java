package dev.stormwatch.eval.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stormwatch.eval.Label;
import dev.stormwatch.sim.ScenarioGenerator;
import dev.stormwatch.sim.ScenarioWriter;
import dev.stormwatch.sim.SimConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationCommandTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir static Path dir;
  static Path out;
  static int exitCode;

  @BeforeAll
  static void calibrateATinyScenario() throws IOException {
    Path data = dir.resolve("scenario");
    ScenarioWriter.write(ScenarioGenerator.generate(new SimConfig(
        23, data, Instant.parse("2026-03-02T00:00:00Z"), 6, 6, 2, 2, 3, 1, 0, true)));
    out = dir.resolve("calibration");
    exitCode = CalibrationCommand.run(new String[] {
      "--warmup", data.resolve("history.jsonl.gz").toString(),
      "--input", data.resolve("live.jsonl.gz").toString(),
      "--incidents", data.resolve("incidents.json").toString(),
      "--benign", data.resolve("benign.json").toString(),
      "--out", out.toString()
    });
  }

  @Test
  void jsonHasScoreAndPosteriorRowsWithBoundedMetrics() throws IOException {
    assertThat(exitCode).isZero();
    JsonNode root = new ObjectMapper().readTree(out.resolve("calibration.json").toFile());
    JsonNode rows = root.get("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("score");
    assertThat(rows.get(1).get("name").asText()).isEqualTo("posterior");
    for (JsonNode row : rows) {
      assertThat(row.get("brier").asDouble()).isBetween(0.0, 1.0);
      assertThat(row.get("ece").asDouble()).isBetween(0.0, 1.0);
      assertThat(row.get("windows").asInt()).isPositive();
      assertThat(row.get("positives").asInt())
          .as("a scenario with incidents labels some live windows").isPositive()
          .isLessThan(row.get("windows").asInt());
      JsonNode bins = row.get("reliability");
      assertThat(bins).hasSize(CalibrationRow.BINS);
      int counted = 0;
      for (JsonNode b : bins) {
        counted += b.get("count").asInt();
      }
      assertThat(counted).isEqualTo(row.get("windows").asInt());
    }
    assertThat(rows.get(0).get("windows").asInt()).isEqualTo(rows.get(1).get("windows").asInt());
  }

  @Test
  void reliabilityPngIsAValidImage() throws IOException {
    Path png = out.resolve("reliability.png");
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThan(500);
    assertThat(image.getHeight()).isGreaterThan(500);
  }

  @Test
  void overlapIsHalfOpenAndPerTarget() {
    Label incident = new Label("i1", "aws", "payments", "latency",
        Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(2_000));
    List<Label> labels = List.of(incident);
    assertThat(CalibrationCommand.overlaps(labels, "aws", "payments", 500, 1_001)).isTrue();
    assertThat(CalibrationCommand.overlaps(labels, "aws", "payments", 1_999, 3_000)).isTrue();
    assertThat(CalibrationCommand.overlaps(labels, "aws", "payments", 0, 1_000)).isFalse();
    assertThat(CalibrationCommand.overlaps(labels, "aws", "payments", 2_000, 3_000)).isFalse();
    assertThat(CalibrationCommand.overlaps(labels, "gcp", "payments", 500, 1_500)).isFalse();
  }

  @Test
  void missingRequiredOptionsExitWithUsage() throws IOException {
    assertThat(CalibrationCommand.run(new String[] {"--input", "x.jsonl"})).isEqualTo(2);
  }
}
