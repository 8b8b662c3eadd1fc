package dev.stormwatch.eval.nab;

import dev.stormwatch.detect.novelty.NoveltyScorer;
import dev.stormwatch.detect.novelty.NoveltySettings;

/**
 * NAB detector {@code novelty}: the fuzzy-ART {@link NoveltyScorer} with its default settings,
 * learning silently through the file's probationary period. Best run as {@code novelty+onset}.
 * Other settings run as {@code novelty:SPEC} ({@link NoveltySettings#parse}), e.g. {@code
 * novelty:w=1_2:v=0.9}.
 */
public final class NoveltyNabPlugin implements NabDetectorPlugin {
  /** The detector's name. */
  public static final String NAME = "novelty";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return create(NoveltySettings.defaults(), context);
  }

  /** A scorer for one file with these settings. */
  static StreamingScorer create(NoveltySettings settings, SeriesContext context) {
    NoveltyScorer scorer = new NoveltyScorer(settings, NabScorer.probationaryLength(context.rows()));
    return (timeMillis, value) -> scorer.next(value);
  }
}
