package dev.stormwatch.model.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.model.DjlRuntime;
import dev.stormwatch.model.SyntheticWindows;
import dev.stormwatch.model.TrainingOptions;
import dev.stormwatch.model.TrainingSet;
import dev.stormwatch.window.WindowAssembly;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trains each tiny comparison network on calm synthetic services with injected anomalies. */
class PeerModelTest {
  static TrainingSet set;
  static TrainingOptions options;

  @BeforeAll
  static void examples() {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    options = new TrainingOptions("v1", 5, 3, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    set = TrainingSet.build(SyntheticWindows.calm(3, 150, 3), List.of(), options, new Random(5));
  }

  @ParameterizedTest
  @EnumSource(PeerKind.class)
  void separatesInjectedAnomaliesAndScoresAShiftAboveCalm(PeerKind kind) {
    try (PeerDetector detector = new PeerDetector(PeerModel.train(kind, set, options))) {
      assertThat(detector.model().holdoutAuc()).as(kind + " held-out AUC").isGreaterThan(0.8);
      assertThat(detector.model().parameters()).isPositive();
      Random rnd = new Random(99);
      WindowAssembly calm = SyntheticWindows.window("svc0", 500, rnd);
      WindowAssembly shifted = SyntheticWindows.shifted(SyntheticWindows.window("svc0", 501, rnd),
          1, 7, 3);
      List<DetectionResult> r = detector.scoreAll(List.of(calm, shifted));
      assertThat(r.get(1).score).as(kind + " shifted vs calm").isGreaterThan(r.get(0).score);
      assertThat(r.get(1).score).isBetween(0.0, 1.0);
      assertThat(r.get(1).modelVersion).isEqualTo(kind.id() + "-peer");
      assertThat(r.get(1).abstained).isFalse();
    }
  }

  @Test
  void aSavedForecasterScoresAsItDidAndOnlyTheGnnIsSaved(@TempDir Path dir) throws Exception {
    Random rnd = new Random(42);
    List<WindowAssembly> windows = List.of(SyntheticWindows.window("svc0", 500, rnd),
        SyntheticWindows.shifted(SyntheticWindows.window("svc1", 501, rnd), 1, 7, 3));
    Path artifact = dir.resolve("gnn/v3");
    List<DetectionResult> before;
    try (PeerDetector trained = new PeerDetector(PeerModel.train(PeerKind.GNN, set, options))) {
      trained.model().save(artifact, SyntheticWindows.STEP, "v3", Map.of("seed", 5));
      before = trained.scoreAll(windows);
    }
    try (PeerDetector loaded = PeerDetector.open(artifact, SyntheticWindows.STEP, SyntheticWindows.STEPS)) {
      List<DetectionResult> after = loaded.scoreAll(windows);
      assertThat(loaded.modelVersion()).isEqualTo("gnn-v3");
      for (int i = 0; i < windows.size(); i++) {
        assertThat(after.get(i).score).isCloseTo(before.get(i).score, within(1e-6));
      }
      assertThat(loaded.model().holdoutAuc()).isGreaterThan(0.8);
    }
    assertThatThrownBy(() -> PeerDetector.open(artifact, SyntheticWindows.STEP * 5, SyntheticWindows.STEPS))
        .hasMessageContaining("cannot serve windows");
    assertThatThrownBy(() -> PeerDetector.open(dir.resolve("nowhere"), SyntheticWindows.STEP,
        SyntheticWindows.STEPS)).hasMessageContaining("not a forecaster artifact");
    PeerManifest m = PeerManifest.read(artifact);
    m.errorScale = new float[] {1f};
    m.write(artifact.resolve(PeerManifest.FILE));
    assertThatThrownBy(() -> PeerDetector.open(artifact, SyntheticWindows.STEP, SyntheticWindows.STEPS))
        .hasMessageContaining("error_scale");
    try (PeerModel vae = PeerModel.train(PeerKind.VAE, set, options)) {
      assertThatThrownBy(() -> vae.save(dir.resolve("vae"), SyntheticWindows.STEP, "v1", Map.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the gnn");
    }
  }

  @Test
  void abstainsOnWindowsWithoutDataInTheNewestStep() {
    try (PeerDetector detector = new PeerDetector(PeerModel.train(PeerKind.TCN, set, options))) {
      WindowAssembly silent = SyntheticWindows.window("svc1", 600, new Random(1));
      int last = SyntheticWindows.STEPS - 1;
      for (int m = 0; m < SyntheticWindows.METRICS.length; m++) {
        silent.values[m * SyntheticWindows.STEPS + last] = Double.NaN;
      }
      silent.infoCounts[last] = 0;
      silent.warnCounts[last] = 0;
      silent.errorCounts[last] = 0;
      DetectionResult r = detector.score(silent);
      assertThat(r.abstained).isTrue();
      assertThat(r.score).isZero();
      assertThat(r.reason).contains("no data from the key in the newest step");
    }
  }

  @Test
  void trainsOnWarmUpHistoryAndLeavesItAsWarmUp() {
    List<WindowAssembly> history = SyntheticWindows.calm(2, 120, 8);
    history.forEach(w -> w.live = false);
    try (PeerDetector d = PeerDetector.trainOn(PeerKind.GNN, history, options)) {
      assertThat(history).allMatch(w -> !w.live);
      assertThat(d.model().holdoutAuc()).isGreaterThan(0.7);
      assertThat(d.score(SyntheticWindows.window("svc0", 900, new Random(2))).abstained).isFalse();
    }
  }

  @Test
  void sameSeedGivesTheSameScores() {
    float[][] rows = set.holdout.stream().limit(50).map(TrainingSet.Example::features)
        .toArray(float[][]::new);
    for (PeerKind kind : List.of(PeerKind.VAE, PeerKind.GAN)) {
      try (PeerModel a = PeerModel.train(kind, set, options);
          PeerModel b = PeerModel.train(kind, set, options)) {
        assertThat(a.probabilities(rows)).as(kind.id()).containsExactly(b.probabilities(rows));
      }
    }
  }
}
