package dev.stormwatch.detect;

import dev.stormwatch.detect.novelty.NoveltyKeyDetector;
import dev.stormwatch.model.HybridDetector;
import dev.stormwatch.model.InferenceDevice;
import dev.stormwatch.model.peers.PeerDetector;
import java.util.List;

/** Resolves a detector name from the configuration to a serializable factory. */
public final class Detectors {
  /** Detector names the job can serve. */
  public static final List<String> NAMES = List.of("baseline", "hybrid", "hybrid-confirmed",
      "hybrid-novelty", "novelty", "gnn", "gnn-confirmed");

  private Detectors() {}

  /** True for the detectors that serve a GNN forecaster artifact. */
  public static boolean usesForecaster(String name) {
    return name.equals("gnn") || name.equals("gnn-confirmed");
  }

  /** True for the detectors that read the novelty the window step tracks per key and metric. */
  public static boolean readsNovelty(String name) {
    return name.equals("novelty") || name.equals("hybrid-novelty");
  }

  /** True for the detectors that serve a hybrid model artifact. */
  public static boolean usesModel(String name) {
    return name.equals("hybrid") || name.equals("hybrid-confirmed")
        || name.equals("hybrid-novelty");
  }

  /**
   * @param name {@code baseline}; {@code hybrid} (the paper's model, loaded from {@code modelDir}
   *     on each subtask; refused when it cannot serve windows of this step and length); or {@code
   *     hybrid-confirmed} (the hybrid model, each window confirmed by the baseline: {@link
   *     ConfirmingDetector}); or {@code hybrid-novelty} (the hybrid model, each window confirmed by
   *     the novelty detector); or {@code novelty} (fuzzy-ART novelty per key and metric, {@link
   *     NoveltyKeyDetector}; no artifact, learned in the window step's keyed state); or {@code gnn} (the GDN-style forecaster artifact at {@code
   *     modelDir}, trained by {@code train.sh --network gnn}: {@link PeerDetector}; CPU only); or
   *     {@code gnn-confirmed} (that forecaster, each window confirmed by the baseline)
   */
  public static DetectorFactory factory(String name, String modelDir, BaselineConfig baselineConfig) {
    return factory(name, modelDir, InferenceDevice.AUTO, baselineConfig);
  }

  /** As {@link #factory(String, String, BaselineConfig)}, the hybrid model running on {@code device}. */
  public static DetectorFactory factory(String name, String modelDir, InferenceDevice device,
      BaselineConfig baselineConfig) {
    switch (name) {
      case "baseline":
        return () -> new BaselineDetector(baselineConfig);
      case "hybrid":
        return HybridDetector.factory(
            modelDir, baselineConfig.stepMillis, baselineConfig.windowSteps, device);
      case "gnn":
        return PeerDetector.factory(modelDir, baselineConfig.stepMillis, baselineConfig.windowSteps);
      case "gnn-confirmed":
        DetectorFactory gnn =
            PeerDetector.factory(modelDir, baselineConfig.stepMillis, baselineConfig.windowSteps);
        return () -> new ConfirmingDetector(gnn.create(), new BaselineDetector(baselineConfig));
      case "novelty":
        return NoveltyKeyDetector::withDefaults;
      case "hybrid-novelty":
        DetectorFactory proposer = HybridDetector.factory(
            modelDir, baselineConfig.stepMillis, baselineConfig.windowSteps, device);
        return () -> new ConfirmingDetector(proposer.create(), NoveltyKeyDetector.withDefaults());
      case "hybrid-confirmed":
        DetectorFactory hybrid = HybridDetector.factory(
            modelDir, baselineConfig.stepMillis, baselineConfig.windowSteps, device);
        return () -> new ConfirmingDetector(hybrid.create(), new BaselineDetector(baselineConfig));
      default:
        throw new IllegalArgumentException(
            "unknown detector '" + name + "'; available: " + String.join(", ", NAMES));
    }
  }
}
