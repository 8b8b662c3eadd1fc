package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.Detectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the training CLI end to end on a small input-contract file. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void anEnsembleMemberThatDivergesOnEveryAttemptFailsTheRunAndUnpublishesTheLead() throws IOException {
    Path out = Files.createDirectories(dir.resolve("ensemble"));
    Files.writeString(out.resolve(ModelManifest.FILE), "{}");
    TrainingDivergedException e = new TrainingDivergedException("training diverged: 10 batches");
    assertThat(TrainCommand.diverged(e, 1, 1, 7, out)).isEqualTo(2);
    assertThat(out.resolve(ModelManifest.FILE)).exists();
    assertThat(TrainCommand.diverged(e, 3, 3, 9, out)).isEqualTo(2);
    assertThat(out.resolve(ModelManifest.FILE)).doesNotExist();
  }

  @Test
  void trainsAnArtifactFromInputContractRecords() throws Exception {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    Path input = writeTelemetry(dir.resolve("history.jsonl"), 4 * 60);
    Path out = dir.resolve("models/tiny/v7");

    int code = TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--seed", "3", "--epochs", "1",
        "--log-branch", "off"});

    assertThat(code).isZero();
    try (HybridModel model = HybridModel.load(out, 60_000, 10)) {
      assertThat(model.modelVersion()).isEqualTo("hybrid-v7");
      assertThat(model.manifest().metrics).containsExactly("cpu_util", "latency_p99_ms");
      assertThat(model.manifest().embeddingModel).isNull();
      assertThat(model.manifest().training).containsEntry("seed", 3).containsKey("injected")
          .containsEntry("coupling", TrainCommand.DEFAULT_COUPLING)
          .containsEntry("coupled_channels", List.of());
      assertThat(model.manifest().evaluation).containsKeys("auc", "f1");
    }
  }

  @Test
  void learnsFromTheLabelsOfEveryIncidentsFile() throws Exception {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    Path input = writeTelemetry(dir.resolve("history.jsonl"), 4 * 60);
    Path first = incidents(dir.resolve("first.json"), "payments", "2026-03-02T02:00:00Z");
    Path second = incidents(dir.resolve("second.json"), "search", "2026-03-02T03:00:00Z");
    Path out = dir.resolve("models/tiny/v9");

    int code = TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--seed", "3", "--epochs", "1",
        "--log-branch", "off", "--incidents", first.toString(), "--incidents", second.toString()});

    assertThat(code).isZero();
    try (HybridModel model = HybridModel.load(out, 60_000, 10)) {
      // each 5-minute incident touches the 15 ten-minute windows of its service ending from its
      // start to 15 minutes later (one a minute); both files count
      assertThat(model.manifest().training)
          .containsEntry("incidents", List.of(first.toString(), second.toString()))
          .containsEntry("labelled_positive_windows", 2 * 15);
    }
  }

  private static Path incidents(Path file, String service, String start) throws IOException {
    Instant from = Instant.parse(start);
    Files.writeString(file, String.format(Locale.ROOT, "[{\"id\":\"%s-1\",\"provider\":\"aws\","
        + "\"service\":\"%s\",\"kind\":\"cpu_saturation\",\"start\":\"%s\",\"impact\":\"%s\","
        + "\"end\":\"%s\"}]", service, service, from, from, from.plusSeconds(300)));
    return file;
  }

  @Test
  void trainsASeedEnsembleServedAsOneDetector() throws Exception {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    Path input = writeTelemetry(dir.resolve("history.jsonl"), 3 * 60);
    Path out = dir.resolve("models/tiny/v10");

    int code = TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--seed", "3", "--epochs", "1",
        "--log-branch", "off", "--ensemble", "2"});

    assertThat(code).isZero();
    ModelManifest lead = ModelManifest.read(out.resolve(ModelManifest.FILE));
    ModelManifest member = ModelManifest.read(out.resolve("member-2").resolve(ModelManifest.FILE));
    assertThat(lead.ensembleMembers).containsExactly("member-2");
    assertThat(lead.training).containsEntry("seed", 3);
    assertThat(member.training).containsEntry("seed", 4);
    assertThat(member.metrics).isEqualTo(lead.metrics);
    try (HybridDetector detector = HybridDetector.open(out, 60_000, 10)) {
      assertThat(detector.ensembleSize()).isEqualTo(2);
      assertThat(detector.modelVersion()).isEqualTo("hybrid-v10");
    }
    assertThat(TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--ensemble", "0"}))
        .isEqualTo(2);
  }

  @Test
  void refusesAChannelTheInputDoesNotHave() throws Exception {
    Path input = writeTelemetry(dir.resolve("history.jsonl"), 30);
    Path out = dir.resolve("models/tiny/v8");

    int code = TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--log-branch", "off",
        "--channels", "cpu_util,disk_used_pct"});

    assertThat(code).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void trainsAGnnForecasterTheJobServesAsTheGnnDetector() throws Exception {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    Path input = writeTelemetry(dir.resolve("history.jsonl"), 4 * 60);
    Path out = dir.resolve("models/gnn/v2");

    assertThat(TrainCommand.run(new String[] {"--input", input.toString(), "--model-out",
        out.toString(), "--network", "gnn", "--ensemble", "2"})).as("no gnn ensembles").isEqualTo(2);
    int code = TrainCommand.run(new String[] {
        "--input", input.toString(), "--model-out", out.toString(), "--seed", "3", "--epochs", "1",
        "--network", "gnn"});

    assertThat(code).isZero();
    assertThat(out.resolve("gnn-0000.params")).exists();
    try (Detector d = Detectors.factory("gnn", out.toString(), BaselineConfig.defaults()).create()) {
      assertThat(d.modelVersion()).isEqualTo("gnn-v2");
      DetectionResult r = d.score(SyntheticWindows.window("svc0", 300, new Random(1)));
      assertThat(r.abstained).isFalse();
      assertThat(r.score).isBetween(0.0, 1.0);
    }
    try (Detector d = Detectors.factory("gnn-confirmed", out.toString(), BaselineConfig.defaults())
        .create()) {
      assertThat(d.modelVersion()).isEqualTo("gnn-v2+baseline-1");
    }
    assertThat(TrainCommand.run(new String[] {"--input", input.toString(), "--model-out",
        out.toString(), "--network", "rnn"})).isEqualTo(2);
  }

  @Test
  void rejectsIncompleteArguments() throws Exception {
    assertThat(TrainCommand.run(new String[] {"--input", "x.jsonl"})).isEqualTo(2);
    assertThat(TrainCommand.run(new String[] {"--input", "x", "--model-out", "m", "--seed", "z"}))
        .isEqualTo(2);
    assertThat(TrainCommand.run(new String[] {"--input", "x", "--model-out", "m", "--coupling", "1.5"}))
        .isEqualTo(2);
    assertThat(TrainCommand.run(new String[] {"--input", "x", "--model-out", "m", "--offset-fraction", "1"}))
        .isEqualTo(2);
  }

  private static Path writeTelemetry(Path file, int minutes) throws IOException {
    Random rnd = new Random(5);
    long t0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      for (String service : List.of("payments", "search")) {
        String time = Instant.ofEpochMilli(t0 + i * 60_000L + 1000).toString();
        lines.add(String.format(Locale.ROOT, "{\"kind\":\"metric\",\"time\":\"%s\",\"provider\":\"aws\","
            + "\"service\":\"%s\",\"resource\":\"%s-1\",\"metrics\":{\"cpu_util\":%.3f,"
            + "\"latency_p99_ms\":%.1f}}", time, service, service, 0.4 + 0.05 * rnd.nextGaussian(),
            80 + 5 * rnd.nextGaussian()));
        lines.add(String.format(Locale.ROOT, "{\"kind\":\"log\",\"time\":\"%s\",\"provider\":\"aws\","
            + "\"service\":\"%s\",\"severity\":\"%s\",\"message\":\"request served in %d ms\"}",
            time, service, rnd.nextInt(10) == 0 ? "ERROR" : "INFO", rnd.nextInt(100)));
      }
    }
    Files.write(file, lines);
    return file;
  }
}
