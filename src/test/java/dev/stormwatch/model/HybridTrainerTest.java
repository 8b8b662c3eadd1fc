package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.DetectorFactory;
import dev.stormwatch.window.WindowAssembly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains tiny models on synthetic windows: learning, determinism, artifact validation and serving. */
class HybridTrainerTest {
  @TempDir static Path dir;
  static Path artifact;
  static ModelManifest manifest;
  static List<Double> losses;

  @BeforeAll
  static void trainOnce() throws IOException {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    artifact = dir.resolve("tiny/v1");
    HybridTrainer trainer = new HybridTrainer(options(4));
    manifest = trainer.train(set(400, 4), SyntheticWindows.STEP, Map.of("source", "synthetic"), artifact);
    losses = trainer.epochLosses();
  }

  private static TrainingOptions options(int epochs) {
    return new TrainingOptions("v1", 11, epochs, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
  }

  private static TrainingSet set(int perKey, int epochs) {
    return TrainingSet.build(SyntheticWindows.calm(3, perKey, 3), List.of(), options(epochs), new Random(11));
  }

  @Test
  void trainingReducesTheLossAndSeparatesInjectedAnomalies() throws IOException {
    assertThat(losses).hasSize(4);
    assertThat(losses.get(3)).isLessThan(losses.get(0) * 0.8);
    assertThat((Double) manifest.evaluation.get("auc")).isGreaterThan(0.8);
    assertThat(manifest.trainableParameters).isBetween(20_000L, 60_000L);
    assertThat(Files.size(artifact.resolve("hybrid-0000.params"))).isLessThan(1_000_000);
  }

  @Test
  void sameSeedGivesTheSameParameters() throws IOException {
    Path a = dir.resolve("det/a");
    Path b = dir.resolve("det/b");
    new HybridTrainer(options(1)).train(set(120, 1), SyntheticWindows.STEP, Map.of(), a);
    new HybridTrainer(options(1)).train(set(120, 1), SyntheticWindows.STEP, Map.of(), b);
    assertThat(Files.mismatch(a.resolve("hybrid-0000.params"), b.resolve("hybrid-0000.params")))
        .isEqualTo(-1L);
    assertThat(ModelManifest.read(a.resolve(ModelManifest.FILE)).evaluation)
        .isEqualTo(ModelManifest.read(b.resolve(ModelManifest.FILE)).evaluation);
  }

  @Test
  void aModelTrainedOnCompressedDeviationsIsServedThem() throws IOException {
    assertThat(manifest.compressAbove).as("clipped only by default").isZero();
    Path compressed = dir.resolve("compressed/v1");
    TrainingOptions o = options(1).withCompressAbove(3);
    new HybridTrainer(o).train(TrainingSet.build(SyntheticWindows.calm(3, 120, 3), List.of(), o,
        new Random(11)), SyntheticWindows.STEP, Map.of(), compressed);
    assertThat(ModelManifest.read(compressed.resolve(ModelManifest.FILE)).normalisation)
        .contains("k + ln(1 + |z| - k)");
    try (HybridModel m = HybridModel.load(compressed)) {
      assertThat(m.manifest().schema().compressAbove()).isEqualTo(3.0);
      assertThat(m.manifest().schema().feature(30)).isCloseTo(3 + Math.log(28), within(1e-12));
    }
  }

  @Test
  void refusesArtifactsItCannotServe() throws IOException {
    assertThatThrownBy(() -> HybridModel.load(artifact, 300_000, 10))
        .hasMessageContaining("cannot serve windows of 10 steps of 300000 ms");
    assertThatThrownBy(() -> HybridModel.load(dir.resolve("nowhere")))
        .hasMessageContaining("not a hybrid model artifact");

    Path copy = copyArtifact("wrong-format");
    ModelManifest m = ModelManifest.read(copy.resolve(ModelManifest.FILE));
    m.format = "stormwatch-hybrid/9";
    m.write(copy.resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridModel.load(copy)).hasMessageContaining("stormwatch-hybrid/9");

    Path schema = copyArtifact("wrong-schema");
    ModelManifest s = ModelManifest.read(schema.resolve(ModelManifest.FILE));
    s.metrics = new ArrayList<>(s.metrics);
    s.metrics.add("disk_util");
    s.write(schema.resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridModel.load(schema)).hasMessageContaining("cannot load the model parameters");

    Path knee = copyArtifact("wrong-knee");
    ModelManifest k = ModelManifest.read(knee.resolve(ModelManifest.FILE));
    k.compressAbove = k.clip;
    k.write(knee.resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridModel.load(knee)).hasMessageContaining("compress_above 8.0 must be");
  }

  @Test
  void detectorScoresABatchAndNamesTheShiftedMetric() throws Exception {
    DetectorFactory factory = HybridDetector.factory(artifact.toString(), SyntheticWindows.STEP, 10);
    try (Detector detector = roundTrip(factory).create()) {
      Random rnd = new Random(99);
      List<WindowAssembly> batch = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        batch.add(SyntheticWindows.window("svc0", 5000 + i, rnd));
      }
      batch.add(SyntheticWindows.shifted(SyntheticWindows.window("svc1", 5000, rnd), 1, 8, 5));
      WindowAssembly silent = SyntheticWindows.shifted(SyntheticWindows.window("svc2", 5000, rnd), 1, 8, 5);
      for (int m = 0; m < silent.metricNames.length; m++) {
        silent.values[m * SyntheticWindows.STEPS + SyntheticWindows.STEPS - 1] = Double.NaN;
      }
      silent.infoCounts[SyntheticWindows.STEPS - 1] = 0;
      silent.warnCounts[SyntheticWindows.STEPS - 1] = 0;
      silent.errorCounts[SyntheticWindows.STEPS - 1] = 0;
      batch.add(silent);
      List<DetectionResult> results = detector.scoreAll(batch);

      assertThat(results).hasSize(8);
      assertThat(results.get(7).score).isZero();
      assertThat(results.get(7).reason).contains("not scored");
      assertThat(detector.modelVersion()).isEqualTo("hybrid-v1");
      assertThat(results).allSatisfy(r -> assertThat(r.score).isBetween(0.0, 1.0));
      DetectionResult anomaly = results.get(6);
      double calmMax = results.subList(0, 6).stream().mapToDouble(r -> r.score).max().orElseThrow();
      assertThat(anomaly.score).isGreaterThan(0.5).isGreaterThan(calmMax);
      assertThat(anomaly.service).isEqualTo("svc1");
      assertThat(anomaly.contributorSignals).isNotEmpty();
      assertThat(anomaly.contributorSignals[0]).isEqualTo("latency_p99_ms");
      assertThat(java.util.Arrays.stream(anomaly.contributorWeights).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
      assertThat(anomaly.reason).contains("latency_p99_ms");
    }
  }

  @Test
  void aWindowTheNetworkScoresNaNIsNotScoredInsteadOfPoisoningThePosterior() throws Exception {
    try (Detector detector = HybridDetector.factory(artifact.toString(), SyntheticWindows.STEP, 10).create()) {
      Random rnd = new Random(7);
      WindowAssembly corrupt = SyntheticWindows.window("svc0", 5000, rnd);
      corrupt.infoCounts[SyntheticWindows.STEPS - 1] = -5; // log1p(-5) is NaN: a NaN feature
      List<DetectionResult> results =
          detector.scoreAll(List.of(SyntheticWindows.window("svc1", 5000, rnd), corrupt));

      assertThat(results.get(0).abstained).isFalse();
      assertThat(results.get(1).abstained).isTrue();
      assertThat(results.get(1).score).isZero();
      assertThat(results.get(1).reason).contains("non-finite margin");
    }
  }

  private static Path copyArtifact(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    for (String f : List.of("hybrid-0000.params", ModelManifest.FILE)) {
      Files.copy(artifact.resolve(f), copy.resolve(f));
    }
    return copy;
  }

  private static DetectorFactory roundTrip(DetectorFactory f) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (DetectorFactory) in.readObject();
    }
  }
}
