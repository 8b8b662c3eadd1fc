package dev.stormwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seed ensemble is served as one detector: the members' mean score, their spread, one version. */
class ModelEnsembleTest {
  @TempDir static Path dir;
  static Path lead;

  @BeforeAll
  static void trainTwoSeeds() throws IOException {
    assumeTrue(DjlRuntime.available(), "PyTorch native library: " + DjlRuntime.loadError());
    lead = dir.resolve("ens/v1");
    ModelManifest m = train(11, lead);
    train(12, lead.resolve("member-2"));
    m.ensembleMembers = List.of("member-2");
    m.write(lead.resolve(ModelManifest.FILE));
  }

  private static ModelManifest train(long seed, Path out) throws IOException {
    TrainingOptions o = new TrainingOptions("v1", seed, 2, 32, 3e-3, 8, 0.2, 0.5, 8.0, 30);
    TrainingSet set = TrainingSet.build(SyntheticWindows.calm(3, 150, 3), List.of(), o,
        new Random(seed));
    return new HybridTrainer(o).train(set, SyntheticWindows.STEP, Map.of(), out);
  }

  private static List<WindowAssembly> windows() {
    Random rnd = new Random(9);
    List<WindowAssembly> batch = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      WindowAssembly w = SyntheticWindows.window("svc" + (i % 3), 5000 + i, rnd);
      batch.add(i % 2 == 0 ? w : SyntheticWindows.shifted(w, i % 3, 3 + i, 4));
    }
    return batch;
  }

  @Test
  void theScoreIsTheMembersMeanAndTheSpreadTheirDeviation() throws IOException {
    List<WindowAssembly> batch = windows();
    List<DetectionResult> alone;
    List<DetectionResult> other;
    List<DetectionResult> both;
    try (HybridDetector a = new HybridDetector(HybridModel.load(lead, SyntheticWindows.STEP, 10));
        HybridDetector b = HybridDetector.open(lead.resolve("member-2"), SyntheticWindows.STEP, 10);
        HybridDetector ensemble = HybridDetector.open(lead, SyntheticWindows.STEP, 10)) {
      assertThat(a.ensembleSize()).isEqualTo(1);
      assertThat(ensemble.ensembleSize()).isEqualTo(2);
      assertThat(ensemble.modelVersion()).isEqualTo(a.modelVersion());
      alone = a.scoreAll(batch);
      other = b.scoreAll(batch);
      both = ensemble.scoreAll(batch);
    }
    boolean anyDisagreement = false;
    for (int i = 0; i < batch.size(); i++) {
      double x = alone.get(i).score;
      double y = other.get(i).score;
      assertThat(both.get(i).score).isCloseTo((x + y) / 2, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(both.get(i).scoreSpread)
          .isCloseTo(Math.abs(x - y) / 2, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(alone.get(i).scoreSpread).isZero();
      anyDisagreement |= Math.abs(x - y) > 1e-3;
    }
    assertThat(anyDisagreement).as("two seeds never agree exactly").isTrue();
    DetectionResult high = both.stream().max((p, q) -> Double.compare(p.score, q.score)).orElseThrow();
    assumeThat(high.score).isGreaterThanOrEqualTo(HybridDetector.EXPLAIN_FROM);
    assertThat(high.reason).contains("(mean of 2 models, spread");
    assertThat(high.contributorSignals).isNotEmpty();
  }

  @Test
  void refusesAMemberThatIsNotServedTheLeadsInputsOrLiesOutside() throws IOException {
    Path copy = dir.resolve("bad/v1");
    copyTree(lead, copy);
    ModelManifest member = ModelManifest.read(copy.resolve("member-2").resolve(ModelManifest.FILE));
    member.metrics = List.of(member.metrics.get(1), member.metrics.get(0), member.metrics.get(2));
    member.write(copy.resolve("member-2").resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridDetector.open(copy, SyntheticWindows.STEP, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ensemble member")
        .hasMessageContaining("is not served the lead's inputs");

    ModelManifest m = ModelManifest.read(copy.resolve(ModelManifest.FILE));
    m.ensembleMembers = List.of("../v1");
    m.write(copy.resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridDetector.open(copy, SyntheticWindows.STEP, 10))
        .hasMessageContaining("must be a sub-directory of the artifact");

    m.ensembleMembers = List.of("member-9");
    m.write(copy.resolve(ModelManifest.FILE));
    assertThatThrownBy(() -> HybridDetector.open(copy, SyntheticWindows.STEP, 10))
        .hasMessageContaining("not a hybrid model artifact");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
