package dev.stormwatch.detect;

import java.util.List;

/** Resolves a detector name from the configuration to a serializable factory. */
public final class Detectors {
  /** Detector names the job can serve. */
  public static final List<String> NAMES = List.of("baseline");

  private Detectors() {}

  public static DetectorFactory factory(String name, BaselineConfig baselineConfig) {
    if (name.equals("baseline")) {
      return () -> new BaselineDetector(baselineConfig);
    }
    throw new IllegalArgumentException(
        "unknown detector '" + name + "'; available: " + String.join(", ", NAMES));
  }
}
