package dev.stormwatch.data;

import java.nio.file.Path;

/** Where the shared datasets are read from: an explicit root, else {@code ../shared/datasets}. */
final class SharedDatasets {
  private SharedDatasets() {}

  /** The dataset folder {@code name}: {@code override} when given, else beside the repository. */
  static Path root(String override, String name) {
    if (override != null) {
      return Path.of(override);
    }
    String home = System.getProperty("stormwatch.home", ".");
    return Path.of(home).toAbsolutePath().normalize().resolve("../shared/datasets").resolve(name).normalize();
  }
}
