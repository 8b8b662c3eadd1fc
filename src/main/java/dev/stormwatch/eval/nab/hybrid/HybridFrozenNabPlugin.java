package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * NAB detector {@code hybrid-frozen}: the {@code hybrid} detector keeping its probationary model
 * for the whole file (no retraining), to measure what retraining on the newest windows contributes.
 */
public final class HybridFrozenNabPlugin implements NabDetectorPlugin {
  /** The detector name used with {@code --detector}. */
  public static final String NAME = "hybrid-frozen";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new HybridNabScorer(context, HybridNabSettings.defaults().withoutRetraining(),
        System.err);
  }
}
