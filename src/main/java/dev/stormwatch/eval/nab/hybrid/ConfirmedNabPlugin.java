package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StormwatchNabPlugin;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * NAB detector {@code hybrid-confirmed}: as the job's {@code hybrid-confirmed} detector, a row
 * scores the smaller of the per-file hybrid model's score ({@link HybridNabPlugin}) and the
 * baseline's ({@code stormwatch}), so it stands out only where both agree.
 */
public final class ConfirmedNabPlugin implements NabDetectorPlugin {
  /** The detector name used with {@code --detector}. */
  public static final String NAME = "hybrid-confirmed";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    StreamingScorer hybrid = new HybridNabPlugin().create(context);
    StreamingScorer baseline = new StormwatchNabPlugin().create(context);
    return (time, value) -> Math.min(hybrid.next(time, value), baseline.next(time, value));
  }
}
