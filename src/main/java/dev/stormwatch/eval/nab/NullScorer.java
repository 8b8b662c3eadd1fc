package dev.stormwatch.eval.nab;

/** NAB's null detector: every row scores 0.5. */
public final class NullScorer implements StreamingScorer {
  @Override
  public double next(long timeMillis, double value) {
    return NabEvaluation.NULL_SCORE;
  }
}
