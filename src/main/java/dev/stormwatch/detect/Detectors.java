package dev.stormwatch.detect;

import dev.stormwatch.model.HybridDetector;
import dev.stormwatch.model.InferenceDevice;
import java.util.List;

/** Resolves a detector name from the configuration to a serializable factory. */
public final class Detectors {
  /** Detector names the job can serve. */
  public static final List<String> NAMES = List.of("baseline", "hybrid");

  private Detectors() {}

  /**
   * @param name {@code baseline}, or {@code hybrid} (the paper's model, loaded from {@code modelDir}
   *     on each subtask; refused when it cannot serve windows of this step and length)
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
      default:
        throw new IllegalArgumentException(
            "unknown detector '" + name + "'; available: " + String.join(", ", NAMES));
    }
  }
}
