package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;

/**
 * Scores one univariate series (e.g. a NAB file) with the baseline, one value per step: each value
 * fills its own step, which is closed at once, so the raw score for a value is that of the window
 * ending with it (0 while the baseline is immature).
 *
 * <p>A series differs from a service's multi-metric window: one sample is one whole step, so the
 * defaults ({@link #seriesDefaults()}) score the latest value alone (no persistence rank, which
 * would cost a whole sampling interval) and adapt faster. The returned score is onset-weighted
 * ({@link OnsetWeighting} over {@code onsetMemorySteps}), so a change scores highest when it starts
 * and a lasting one fades while the baseline catches up.
 */
public final class BaselineSeriesScorer {
  /** The metric name the series' values are reported under. */
  public static final String METRIC = SeriesWindows.METRIC;
  /** Default memory (in steps) of the onset weighting. */
  public static final double DEFAULT_ONSET_MEMORY_STEPS = 10;

  private final SeriesWindows windows;
  private final BaselineDetector detector;
  private final OnsetWeighting onset;
  private double lastScore;
  private DetectionResult lastResult;

  /** A scorer with the series defaults and a step of the series' sampling interval. */
  public BaselineSeriesScorer(long intervalMillis) {
    this(intervalMillis, seriesDefaults(), DEFAULT_ONSET_MEMORY_STEPS);
  }

  /**
   * A scorer with the given parameters, whose step is replaced by the sampling interval; an
   * {@code onsetMemorySteps} of 0 returns the raw scores.
   */
  public BaselineSeriesScorer(long intervalMillis, BaselineConfig base, double onsetMemorySteps) {
    this.onset = new OnsetWeighting(onsetMemorySteps);
    BaselineConfig cfg = base.toBuilder().stepMillis(intervalMillis).build();
    this.windows = new SeriesWindows(cfg);
    this.detector = new BaselineDetector(cfg);
  }

  /** Defaults for one univariate series: score the latest value alone, adapt at 2% a sample. */
  public static BaselineConfig seriesDefaults() {
    return BaselineConfig.builder()
        .recentSteps(1)
        .persistenceRank(1)
        .singleSampleWeight(1.0)
        .ewmaAlpha(0.02)
        .build();
  }

  /**
   * Feeds the next value and returns the latest onset-weighted score. A value whose step is
   * already scored (irregular sampling) is moved to the following step.
   */
  public double next(long timeMillis, double value) {
    WindowAssembly w = windows.next(timeMillis, value);
    if (w != null) {
      lastResult = detector.score(w);
      lastScore = onset.next(lastResult.score);
    }
    return lastScore;
  }

  /** The full result behind the latest score (its score is the raw one), or null before the first. */
  public DetectionResult lastResult() {
    return lastResult;
  }
}
