package dev.stormwatch.eval.peer;

import com.amazon.randomcutforest.config.ForestMode;
import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import dev.stormwatch.eval.nab.StreamingScorer;

/**
 * Amazon Random Cut Forest peer detector: a parkservices {@link ThresholdedRandomCutForest} with
 * internal shingling and streaming normalisation over one univariate series. The blended score
 * maps the forest's anomaly grade to (0.5, 1] and, for ungraded rows, its raw RCF score {@code s}
 * to {@code 0.5 s / (1 + s)} in [0, 0.5), so NAB's threshold sweep can use both; the grade-only
 * variant returns the grade.
 */
public final class RcfScorer implements StreamingScorer {
  /** Shingle (window) length fed to the forest. */
  public static final int SHINGLE_SIZE = 8;
  /** Number of trees. */
  public static final int TREES = 50;
  /** Points sampled per tree. */
  public static final int SAMPLE_SIZE = 256;
  /** Seed of the forest's randomness, fixed for reproducible benchmarks. */
  public static final long SEED = 42;

  private final ThresholdedRandomCutForest forest;
  private final boolean gradeOnly;
  private final double[] point = new double[1];

  private RcfScorer(boolean gradeOnly) {
    this.gradeOnly = gradeOnly;
    this.forest =
        ThresholdedRandomCutForest.builder()
            .compact(true)
            .dimensions(SHINGLE_SIZE)
            .shingleSize(SHINGLE_SIZE)
            .internalShinglingEnabled(true)
            .numberOfTrees(TREES)
            .sampleSize(SAMPLE_SIZE)
            .precision(Precision.FLOAT_32)
            .forestMode(ForestMode.STANDARD)
            .transformMethod(TransformMethod.NORMALIZE)
            .anomalyRate(0.01)
            .randomSeed(SEED)
            .build();
  }

  /** Grade in (0.5, 1], raw RCF score squashed into [0, 0.5) otherwise. */
  public static RcfScorer blended() {
    return new RcfScorer(false);
  }

  /** The forest's anomaly grade in [0, 1]. */
  public static RcfScorer gradeOnly() {
    return new RcfScorer(true);
  }

  @Override
  public double next(long timeMillis, double value) {
    point[0] = value;
    AnomalyDescriptor descriptor = forest.process(point, timeMillis / 1000L);
    double grade = clamp(descriptor.getAnomalyGrade());
    if (gradeOnly) {
      return grade;
    }
    if (grade > 0) {
      return 0.5 + 0.5 * grade;
    }
    double score = Math.max(0.0, descriptor.getRCFScore());
    return Double.isFinite(score) ? 0.5 * score / (1.0 + score) : 0.0;
  }

  private static double clamp(double grade) {
    return Double.isFinite(grade) ? Math.min(1.0, Math.max(0.0, grade)) : 0.0;
  }
}
