package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.detect.Detector;
import dev.stormwatch.model.HybridDetector;
import dev.stormwatch.model.HybridModel;
import dev.stormwatch.model.HybridTrainer;
import dev.stormwatch.model.InferenceDevice;
import dev.stormwatch.model.ModelManifest;
import dev.stormwatch.model.TrainingSet;
import dev.stormwatch.model.peers.PeerDetector;
import dev.stormwatch.model.peers.PeerKind;
import dev.stormwatch.model.peers.PeerModel;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains a telemetry-only hybrid model on one series' probationary windows, self-supervised as
 * {@code train.sh} does for the job ({@link TrainingSet}: normal windows as negatives, synthetic
 * anomalies and benign changes from the injectors; {@link HybridTrainer}), and serves it as a
 * {@link HybridDetector} on the CPU (or one of the paper's comparison networks on the same
 * examples, served by a {@link PeerDetector}). The hybrid's artifact lives in a temporary folder
 * only while it loads.
 */
final class ProbationTrainer {
  /** Fewest training examples worth a model; fewer leave the series unscored. */
  static final int MIN_EXAMPLES = 16;

  /** A trained model and what it was trained on. */
  record Trained(Detector detector, int windows, int examples, int injected, int benign,
      double holdoutAuc, double seconds) {}

  private ProbationTrainer() {}

  /** Trains on the windows; null when they yield fewer than {@link #MIN_EXAMPLES} examples. */
  static Trained train(List<WindowAssembly> windows, long stepMillis, HybridNabSettings settings) {
    return train(windows, stepMillis, settings, null);
  }

  /**
   * As above, training the comparison network {@code peer} ({@link PeerModel}, the same examples
   * and options) instead of the hybrid model when it is not null.
   */
  static Trained train(List<WindowAssembly> windows, long stepMillis, HybridNabSettings settings,
      PeerKind peer) {
    if (windows.isEmpty()) {
      return null;
    }
    long started = System.nanoTime();
    TrainingSet set = TrainingSet.build(windows, List.of(), settings.trainingOptions(),
        new Random(settings.seed()));
    if (set.train.size() < MIN_EXAMPLES) {
      return null;
    }
    int injected = set.injected.values().stream().mapToInt(Integer::intValue).sum();
    int benign = set.synthetic.entrySet().stream().filter(e -> e.getKey().startsWith("BENIGN"))
        .mapToInt(Map.Entry::getValue).sum();
    if (peer != null) {
      PeerModel model = PeerModel.train(peer, set, settings.trainingOptions());
      return new Trained(new PeerDetector(model), set.windows, set.train.size(), injected, benign,
          model.holdoutAuc(), (System.nanoTime() - started) / 1e9);
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("stormwatch-nab-hybrid");
      ModelManifest manifest = new HybridTrainer(settings.trainingOptions())
          .train(set, stepMillis, Map.of("source", "nab probationary period"), dir);
      HybridDetector detector = new HybridDetector(
          HybridModel.load(dir, stepMillis, settings.windowSteps(), InferenceDevice.CPU));
      Object auc = manifest.evaluation.get("auc");
      return new Trained(detector, set.windows, set.train.size(), injected, benign,
          auc instanceof Number n ? n.doubleValue() : Double.NaN,
          (System.nanoTime() - started) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException("training the NAB hybrid model failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }
}
