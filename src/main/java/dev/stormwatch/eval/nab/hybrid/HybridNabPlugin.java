package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * NAB detector {@code hybrid}: the paper's hybrid model (telemetry branch only), trained per file
 * on its probationary period and scoring the rest streaming ({@link HybridNabScorer}).
 */
public final class HybridNabPlugin implements NabDetectorPlugin {
  /** The detector name used with {@code --detector}. */
  public static final String NAME = "hybrid";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new HybridNabScorer(context, HybridNabSettings.defaults(), System.err);
  }
}
