package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches whose loss is not finite are skipped; a run that keeps meeting them stops clearly. */
class HybridTrainerNonFiniteTest {
  @Test
  void trainingThatOnlyMeetsNonFiniteBatchesStopsWithoutWritingAnArtifact(@TempDir Path dir) {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    TrainingOptions options = new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    TrainingSet set = TrainingSet.build(SyntheticWindows.calm(2, 200, 3), List.of(), options, new Random(11));
    List<TrainingSet.Example> poisoned = set.train.stream().map(e -> {
      float[] x = e.features().clone();
      Arrays.fill(x, Float.NaN);
      return new TrainingSet.Example(x, e.logs(), e.label(), e.end());
    }).toList();
    set.train.clear();
    set.train.addAll(poisoned);
    HybridTrainer trainer = new HybridTrainer(options);
    Path out = dir.resolve("nan/v1");
    assertThatThrownBy(() -> trainer.train(set, SyntheticWindows.STEP, Map.of(), out))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("training diverged: " + HybridTrainer.MAX_NON_FINITE_BATCHES
            + " batches in a row with a non-finite loss or gradient");
    assertThat(trainer.skippedBatches()).isEqualTo(HybridTrainer.MAX_NON_FINITE_BATCHES);
    assertThat(trainer.attempts()).isEqualTo(HybridTrainer.MAX_ATTEMPTS);
    assertThat(Files.exists(out.resolve("hybrid-0000.params"))).isFalse();
  }

  @Test
  void aFewNonFiniteBatchesAreSkippedButANetworkTheyPoisonedIsNotWritten(@TempDir Path dir) {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    TrainingOptions options = new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    TrainingSet set = TrainingSet.build(SyntheticWindows.calm(2, 200, 3), List.of(), options, new Random(11));
    for (int i : new int[] {0, set.train.size() / 2}) {
      TrainingSet.Example e = set.train.get(i);
      float[] x = e.features().clone();
      Arrays.fill(x, Float.NaN);
      set.train.set(i, new TrainingSet.Example(x, e.logs(), e.label(), e.end()));
    }
    HybridTrainer trainer = new HybridTrainer(options);
    Path out = dir.resolve("poisoned/v1");
    // the two batches holding a NaN window are skipped, but their forward pass in training mode
    // already moved the BatchNorm running statistics, which the final check catches
    assertThatThrownBy(() -> trainer.train(set, SyntheticWindows.STEP, Map.of(), out))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("is not finite after training");
    assertThat(trainer.skippedBatches()).isEqualTo(2);
    assertThat(Files.exists(out.resolve("hybrid-0000.params"))).isFalse();
  }

  @Test
  void aRunThatDivergesOnceIsStartedAgainAndWritesTheCleanRunsArtifact(@TempDir Path dir)
      throws Exception {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    TrainingOptions options = new TrainingOptions("v1", 11, 1, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    TrainingSet clean = TrainingSet.build(SyntheticWindows.calm(2, 200, 3), List.of(), options, new Random(11));
    Path reference = dir.resolve("clean/v1");
    new HybridTrainer(options).train(clean, SyntheticWindows.STEP, Map.of(), reference);

    TrainingSet flaky = TrainingSet.build(SyntheticWindows.calm(2, 200, 3), List.of(), options, new Random(11));
    List<float[]> originals = flaky.train.stream().map(e -> e.features().clone()).toList();
    // the first attempt meets NaN windows only, the second the clean ones: a one-off NaN
    HybridTrainer trainer = new HybridTrainer(options, attempt -> {
      for (int i = 0; i < flaky.train.size(); i++) {
        float[] x = flaky.train.get(i).features();
        if (attempt == 1) {
          Arrays.fill(x, Float.NaN);
        } else {
          System.arraycopy(originals.get(i), 0, x, 0, x.length);
        }
      }
    });
    Path out = dir.resolve("flaky/v1");
    ModelManifest manifest = trainer.train(flaky, SyntheticWindows.STEP, Map.of(), out);

    assertThat(trainer.attempts()).isEqualTo(2);
    assertThat(manifest.training).containsEntry("attempts", 2);
    assertThat(Files.mismatch(reference.resolve("hybrid-0000.params"), out.resolve("hybrid-0000.params")))
        .isEqualTo(-1L);
  }
}
