package dev.stormwatch.eval.nab;

/**
 * Test plugin found through the service loader: scores every row with the file's row count parity.
 */
public final class ConstantTestPlugin implements NabDetectorPlugin {
  @Override
  public String name() {
    return "test-plugin";
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    double score = context.rows() % 2 == 0 ? 0.25 : 0.75;
    return (time, value) -> score;
  }
}
