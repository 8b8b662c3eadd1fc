package dev.stormwatch.eval.peer;

import com.amazon.randomcutforest.config.ForestMode;
import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * Amazon Random Cut Forest peer detector over one univariate series, built on the parkservices
 * {@link ThresholdedRandomCutForest} with internal shingling. Three read-outs of the forest:
 *
 * <ul>
 *   <li>{@link #streaming()}: shingle 8, 50 trees, sample 256, streaming normalisation; graded rows
 *       score {@code 0.5 + 0.25 grade + 0.25 s/(1+s)} (s = RCF score, so equal grades are ranked by
 *       s), ungraded rows {@code 0.5 r/(1+r)} with {@code r = s / current threshold};
 *   <li>{@link #gradeOnly()}: the same forest's anomaly grade;
 *   <li>{@link #nabPublished()}: the setup behind NAB's published randomCutForest row (AWS Kinesis
 *       RANDOM_CUT_FOREST: no shingling, 100 trees, sample 256, time decay 1e-5, raw values) scored
 *       as NAB did, {@code s / log2(256)} capped at 1.
 * </ul>
 */
public final class RcfScorer implements StreamingScorer {
  /** Points sampled per tree. */
  public static final int SAMPLE_SIZE = 256;

  /** Seed of the forest's randomness, fixed for reproducible benchmarks. */
  public static final long SEED = 42;

  private enum ReadOut {
    BLENDED,
    GRADE,
    SCALED_SCORE
  }

  private final ThresholdedRandomCutForest forest;
  private final ReadOut readOut;
  private final double[] point = new double[1];

  private RcfScorer(
      int shingleSize, int trees, TransformMethod transform, Double timeDecay, ReadOut readOut) {
    this.readOut = readOut;
    ThresholdedRandomCutForest.Builder<?> builder =
        ThresholdedRandomCutForest.builder()
            .compact(true)
            .dimensions(shingleSize)
            .shingleSize(shingleSize)
            .internalShinglingEnabled(true)
            .numberOfTrees(trees)
            .sampleSize(SAMPLE_SIZE)
            .precision(Precision.FLOAT_32)
            .forestMode(ForestMode.STANDARD)
            .transformMethod(transform)
            .anomalyRate(0.005)
            .randomSeed(SEED);
    if (timeDecay != null) {
      builder.timeDecay(timeDecay);
    }
    this.forest = builder.build();
  }

  /** Shingle 8, 50 trees, normalised input; grade-first blended score. */
  public static RcfScorer streaming() {
    return new RcfScorer(8, 50, TransformMethod.NORMALIZE, null, ReadOut.BLENDED);
  }

  /** Shingle 8, 50 trees, normalised input; the anomaly grade in [0, 1]. */
  public static RcfScorer gradeOnly() {
    return new RcfScorer(8, 50, TransformMethod.NORMALIZE, null, ReadOut.GRADE);
  }

  /** NAB's published RCF configuration: RCF score divided by log2(sample size). */
  public static RcfScorer nabPublished() {
    return new RcfScorer(1, 100, TransformMethod.NONE, 1e-5, ReadOut.SCALED_SCORE);
  }

  @Override
  public double next(long timeMillis, double value) {
    point[0] = value;
    AnomalyDescriptor descriptor = forest.process(point, timeMillis / 1000L);
    double score = finiteNonNegative(descriptor.getRCFScore());
    double grade = Math.min(1.0, finiteNonNegative(descriptor.getAnomalyGrade()));
    return switch (readOut) {
      case GRADE -> grade;
      case SCALED_SCORE -> Math.min(1.0, score / (Math.log(SAMPLE_SIZE) / Math.log(2)));
      case BLENDED -> {
        if (grade > 0) {
          yield 0.5 + 0.25 * grade + 0.25 * score / (1.0 + score);
        }
        double threshold = descriptor.getThreshold();
        double relative = threshold > 0 && Double.isFinite(threshold) ? score / threshold : 0.0;
        yield 0.5 * relative / (1.0 + relative);
      }
    };
  }

  private static double finiteNonNegative(double x) {
    return Double.isFinite(x) ? Math.max(0.0, x) : 0.0;
  }
}
