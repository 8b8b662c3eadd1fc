package dev.stormwatch.eval.nab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Two categories, one 300-row file each with one window, plus NAB-style labels. */
  private Path writeCorpus() throws Exception {
    writeSeries(dir.resolve("data/catA/a.csv"), 300, 200);
    writeSeries(dir.resolve("data/catB/b.csv"), 300, 250);
    Path labels = dir.resolve("labels/combined_windows.json");
    Files.createDirectories(labels.getParent());
    Files.writeString(
        labels,
        "{\"catA/a.csv\": [[\""
            + stamp(195)
            + ".000000\", \""
            + stamp(205)
            + ".000000\"]], \"catB/b.csv\": [[\""
            + stamp(245)
            + ".000000\", \""
            + stamp(255)
            + ".000000\"]]}");
    return labels;
  }

  private static void writeSeries(Path file, int rows, int spikeAt) throws Exception {
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>(List.of("timestamp,value"));
    for (int i = 0; i < rows; i++) {
      lines.add(stamp(i) + "," + (i == spikeAt ? 100 : 10 + (i % 3)));
    }
    Files.write(file, lines);
  }

  private static String stamp(int minute) {
    return String.format("2020-01-01 %02d:%02d:00", minute / 60, minute % 60);
  }

  private int run(String... args) throws Exception {
    return NabCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void runsDetectorsWritesNabResultsAndScores() throws Exception {
    Path labels = writeCorpus();
    Path results = dir.resolve("out");
    int code =
        run(
            "--data",
            dir.resolve("data").toString(),
            "--labels",
            labels.toString(),
            "--out",
            results.toString(),
            "--detector",
            "perfect,null");
    assertThat(code).as(err.toString()).isZero();
    Path perfectA = results.resolve("perfect/catA/perfect_a.csv");
    List<String> lines = Files.readAllLines(perfectA);
    assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
    assertThat(lines).hasSize(301);
    assertThat(lines.get(1 + 194)).endsWith(",0.0,0");
    assertThat(lines.get(1 + 195)).endsWith(",1.0,1");
    assertThat(lines.get(1 + 205)).endsWith(",1");
    assertThat(lines.get(1 + 206)).endsWith(",0");
    JsonNode json = new ObjectMapper().readTree(results.resolve("perfect_scores.json").toFile());
    assertThat(json.path("profiles").path("standard").path("normalized").asDouble())
        .isEqualTo(100.0);
    assertThat(json.path("categories").path("catB").path("standard").path("normalized").asDouble())
        .isEqualTo(100.0);
    assertThat(json.path("records").asLong()).isEqualTo(600);
    assertThat(out.toString()).contains("perfect").contains("catA").contains("records/s");
  }

  @Test
  void crossValidatesTheChoiceAmongTheDetectorsRun() throws Exception {
    Path labels = writeCorpus();
    int code = run("--data", dir.resolve("data").toString(), "--labels", labels.toString(),
        "--out", dir.resolve("out").toString(), "--detector", "perfect,null,novelty+onset",
        "--cross-validate");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Leave-one-category-out choice among 3 detectors (standard profile)")
        .containsPattern("catA +perfect ")
        .containsPattern("catB +perfect ")
        .contains("cross-validated standard score 100.00");
  }

  @Test
  void scoresAnExistingResultsDirectory() throws Exception {
    Path labels = writeCorpus();
    Path results = dir.resolve("out");
    assertThat(
            run(
                "--data",
                dir.resolve("data").toString(),
                "--labels",
                labels.toString(),
                "--out",
                results.toString(),
                "--detector",
                "random"))
        .isZero();
    double direct =
        new ObjectMapper()
            .readTree(results.resolve("random_scores.json").toFile())
            .path("profiles")
            .path("standard")
            .path("normalized")
            .asDouble();
    out.reset();
    Path rescored = dir.resolve("rescored");
    assertThat(
            run(
                "--results",
                results.toString(),
                "--labels",
                labels.toString(),
                "--out",
                rescored.toString()))
        .isZero();
    double fromFiles =
        new ObjectMapper()
            .readTree(rescored.resolve("random_scores.json").toFile())
            .path("profiles")
            .path("standard")
            .path("normalized")
            .asDouble();
    assertThat(fromFiles).isEqualTo(direct);
  }

  @Test
  void defaultDetectorIsStormwatchAndUnknownNamesAreListed() throws Exception {
    Path labels = writeCorpus();
    int code =
        run(
            "--data",
            dir.resolve("data").toString(),
            "--labels",
            labels.toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(code).isZero();
    assertThat(Files.exists(dir.resolve("out/stormwatch_scores.json"))).isTrue();
    int unknown =
        run(
            "--data",
            dir.resolve("data").toString(),
            "--labels",
            labels.toString(),
            "--out",
            dir.resolve("out2").toString(),
            "--detector",
            "no-such-detector");
    assertThat(unknown).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown NAB detector 'no-such-detector'")
        .contains("null, perfect, random")
        .contains("stormwatch");
  }

  @Test
  void registeredDetectorsArePluggable() throws Exception {
    Path labels = writeCorpus();
    NabDetectors.register("test-constant-zero", () -> (time, value) -> 0.0);
    assertThat(
            run(
                "--data",
                dir.resolve("data").toString(),
                "--labels",
                labels.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--detector",
                "test-constant-zero"))
        .isZero();
    assertThat(dir.resolve("out/test-constant-zero/catA/test-constant-zero_a.csv")).exists();
  }
}
