package dev.stormwatch.detect;

/**
 * Weights a stream of raw scores by how new the change is: each score times (1 - the EWMA of the
 * previous raw scores over {@code memorySteps}), so a change scores highest when it starts and a
 * lasting one fades. A memory of 0 passes the raw scores through.
 */
public final class OnsetWeighting {
  private final double alpha;
  private double recentRawScore;

  /** @param memorySteps 0 (no weighting) or at least 1 */
  public OnsetWeighting(double memorySteps) {
    if (memorySteps < 0 || (memorySteps > 0 && memorySteps < 1)) {
      throw new IllegalArgumentException("onsetMemorySteps must be 0 or >= 1");
    }
    this.alpha = memorySteps > 0 ? 1.0 / memorySteps : 0;
  }

  /** The weighted score of the next raw score, which then joins the memory. */
  public double next(double raw) {
    double weighted = raw * (1 - recentRawScore);
    recentRawScore += alpha * (raw - recentRawScore);
    return weighted;
  }
}
