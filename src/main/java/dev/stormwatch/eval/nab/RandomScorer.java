package dev.stormwatch.eval.nab;

/**
 * NAB's random detector: {@code random.uniform(0, 1)} per row from Python's generator seeded with
 * 42 per file.
 */
public final class RandomScorer implements StreamingScorer {
  /** NAB's seed, re-applied for every file. */
  public static final long NAB_SEED = 42;

  private final PythonRandom random;

  public RandomScorer() {
    this(NAB_SEED);
  }

  public RandomScorer(long seed) {
    this.random = new PythonRandom(seed);
  }

  @Override
  public double next(long timeMillis, double value) {
    return random.uniform(0.0, 1.0);
  }
}
