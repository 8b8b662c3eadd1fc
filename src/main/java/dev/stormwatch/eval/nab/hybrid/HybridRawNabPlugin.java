package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * NAB detector {@code hybrid-raw}: the {@code hybrid} detector without the onset weighting (the
 * model's calibrated probabilities as they are), to measure what the weighting contributes.
 */
public final class HybridRawNabPlugin implements NabDetectorPlugin {
  /** The detector name used with {@code --detector}. */
  public static final String NAME = "hybrid-raw";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new HybridNabScorer(context, HybridNabSettings.defaults().withOnsetMemorySteps(0),
        System.err);
  }
}
