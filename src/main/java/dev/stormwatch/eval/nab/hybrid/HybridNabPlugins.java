package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.eval.nab.NabDetectorPlugin;
import dev.stormwatch.eval.nab.SeriesContext;
import dev.stormwatch.eval.nab.StormwatchNabPlugin;
import dev.stormwatch.eval.nab.StreamingScorer;
import dev.stormwatch.model.Architecture;

/**
 * The NAB detectors built on the per-file hybrid model ({@link HybridNabScorer}): {@code hybrid}
 * and the variants that measure its parts, {@code hybrid-raw}, {@code hybrid-frozen}, {@code
 * hybrid-compressed}, {@code hybrid-offsets}, {@code hybrid-confirmed}, and the paper's ablations
 * {@code hybrid-logistic} and {@code hybrid-cnn-only}. Each variant differs from {@code hybrid}
 * only in its settings.
 */
public abstract class HybridNabPlugins implements NabDetectorPlugin {
  private final String name;
  private final HybridNabSettings settings;

  HybridNabPlugins(String name, HybridNabSettings settings) {
    this.name = name;
    this.settings = settings;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new HybridNabScorer(context, settings, System.err);
  }

  /**
   * {@code hybrid}: the paper's hybrid model (telemetry branch only), trained per file on its
   * probationary period and scoring the rest streaming.
   */
  public static final class Hybrid extends HybridNabPlugins {
    public static final String NAME = "hybrid";

    public Hybrid() {
      super(NAME, HybridNabSettings.defaults());
    }
  }

  /**
   * {@code hybrid-raw}: {@code hybrid} without the onset weighting (the model's calibrated
   * probabilities as they are), to measure what the weighting contributes.
   */
  public static final class Raw extends HybridNabPlugins {
    public static final String NAME = "hybrid-raw";

    public Raw() {
      super(NAME, HybridNabSettings.defaults().withOnsetMemorySteps(0));
    }
  }

  /**
   * {@code hybrid-frozen}: {@code hybrid} keeping its probationary model for the whole file (no
   * retraining), to measure what retraining on the newest windows contributes.
   */
  public static final class Frozen extends HybridNabPlugins {
    public static final String NAME = "hybrid-frozen";

    public Frozen() {
      super(NAME, HybridNabSettings.defaults().withoutRetraining());
    }
  }

  /**
   * {@code hybrid-compressed}: {@code hybrid} with deviations beyond 3 sigmas compressed
   * logarithmically instead of only clipped, to measure whether ranking the largest departures
   * helps.
   */
  public static final class Compressed extends HybridNabPlugins {
    public static final String NAME = "hybrid-compressed";

    public Compressed() {
      super(NAME, HybridNabSettings.defaults().withCompressAbove(3));
    }
  }

  /**
   * {@code hybrid-offsets}: {@code hybrid} whose training also shows whole-window offsets of 2-6
   * scales as normal (a quarter of the normal windows), so a baseline lagging a level stops
   * scoring like an onset.
   */
  public static final class Offsets extends HybridNabPlugins {
    public static final String NAME = "hybrid-offsets";

    public Offsets() {
      super(NAME, HybridNabSettings.defaults().withOffsetFraction(0.25));
    }
  }

  /** {@code hybrid-logistic}: {@code hybrid} with a logistic head instead of the RBF Deep-SVM. */
  public static final class Logistic extends HybridNabPlugins {
    public static final String NAME = "hybrid-logistic";

    public Logistic() {
      super(NAME, HybridNabSettings.defaults().withArchitecture(Architecture.parse("logistic")));
    }
  }

  /** {@code hybrid-cnn-only}: {@code hybrid} without the BiLSTM (the convolutions feed attention). */
  public static final class CnnOnly extends HybridNabPlugins {
    public static final String NAME = "hybrid-cnn-only";

    public CnnOnly() {
      super(NAME, HybridNabSettings.defaults().withArchitecture(Architecture.parse("cnn-only")));
    }
  }

  /**
   * {@code hybrid-confirmed}: as the job's {@code hybrid-confirmed} detector, a row scores the
   * smaller of {@code hybrid}'s score and the baseline's ({@code stormwatch}), so it stands out
   * only where both agree.
   */
  public static final class Confirmed extends HybridNabPlugins {
    public static final String NAME = "hybrid-confirmed";

    public Confirmed() {
      super(NAME, HybridNabSettings.defaults());
    }

    @Override
    public StreamingScorer create(SeriesContext context) {
      StreamingScorer hybrid = super.create(context);
      StreamingScorer baseline = new StormwatchNabPlugin().create(context);
      return (time, value) -> Math.min(hybrid.next(time, value), baseline.next(time, value));
    }
  }
}
