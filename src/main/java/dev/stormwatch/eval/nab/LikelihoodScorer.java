package dev.stormwatch.eval.nab;

import dev.stormwatch.detect.AnomalyLikelihood;

/**
 * A NAB detector's scores turned into anomaly likelihoods ({@link AnomalyLikelihood}): the
 * detector {@code NAME+likelihood}. The wrapped detector sees every row; its scores start feeding
 * the likelihood's history at row {@code learnFrom} (NAB's probationary rows are where a detector
 * may still be learning, and a model trained at their end scores 0 before it), and rows before
 * that score 0.
 */
public final class LikelihoodScorer implements StreamingScorer {
  /** The suffix that wraps a registered detector's name. */
  public static final String SUFFIX = "+likelihood";

  private final StreamingScorer inner;
  private final int learnFrom;
  private final AnomalyLikelihood likelihood;
  private int row;

  public LikelihoodScorer(StreamingScorer inner, int learnFrom, AnomalyLikelihood.Params params) {
    if (learnFrom < 0) {
      throw new IllegalArgumentException("learnFrom must be >= 0");
    }
    this.inner = inner;
    this.learnFrom = learnFrom;
    this.likelihood = new AnomalyLikelihood(params);
  }

  /** The wrapper NAB uses for a file: learning from the end of its probationary period. */
  public static LikelihoodScorer forFile(StreamingScorer inner, SeriesContext context) {
    return new LikelihoodScorer(inner, NabScorer.probationaryLength(context.rows()),
        AnomalyLikelihood.Params.defaults());
  }

  @Override
  public double next(long timeMillis, double value) {
    double raw = inner.next(timeMillis, value);
    return row++ < learnFrom ? 0.0 : likelihood.next(raw);
  }
}
