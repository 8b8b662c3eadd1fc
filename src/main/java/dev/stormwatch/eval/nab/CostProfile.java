package dev.stormwatch.eval.nab;

/**
 * A NAB application profile: the cost-matrix weights of true positives, false positives and misses.
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

  /** NAB's {@code standard} profile. */
  public static CostProfile standard() {
    return new CostProfile("standard", 1.0, 0.11, 1.0);
  }
}
