package dev.stormwatch.model.logs;

/**
 * The log representation of one window for the fusion model (layout in {@link LogWindowFeatures}):
 * {@code tokens} is {@code [maxTokens][width]}, zero rows after the first {@code validTokens};
 * {@code mask[k]} is true for the valid rows; {@code summary} has the same width; {@code templates}
 * and {@code lines} count all of the window's templates and lines (also those beyond the cap).
 */
public record LogTokens(float[][] tokens, boolean[] mask, int validTokens, float[] summary, int templates, long lines) {

  /** Row width: embedding dimension + {@link LogWindowFeatures#EXTRA_FEATURES}. */
  public int width() {
    return summary.length;
  }
}
