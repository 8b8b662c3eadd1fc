package dev.stormwatch.detect;

import dev.stormwatch.event.TelemetryEvent;
import java.util.List;

/**
 * Scores one univariate series (e.g. a NAB file) with the baseline, one value per step: each value
 * fills its own step, which is closed at once, so the score returned for a value is that of the
 * window ending with it (0 while the baseline is immature).
 */
public final class BaselineSeriesScorer {
  /** The metric name the series' values are reported under. */
  public static final String METRIC = "value";

  private static final String[] NAMES = {METRIC};

  private final BaselineConfig cfg;
  private final OfflineDetection run;
  private long lastStep = Long.MIN_VALUE;
  private double lastScore;
  private DetectionResult lastResult;

  /** A scorer with the default parameters and a step of the series' sampling interval. */
  public BaselineSeriesScorer(long intervalMillis) {
    this(intervalMillis, BaselineConfig.defaults());
  }

  /** A scorer with the given parameters, whose step is replaced by the sampling interval. */
  public BaselineSeriesScorer(long intervalMillis, BaselineConfig base) {
    this.cfg = base.toBuilder().stepMillis(intervalMillis).build();
    this.run = new OfflineDetection(cfg, new BaselineDetector(cfg));
  }

  /**
   * Feeds the next value and returns the latest window score. A value whose step is already
   * scored (irregular sampling) is moved to the following step.
   */
  public double next(long timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return lastScore;
    }
    long step = Math.floorDiv(timeMillis, cfg.stepMillis) * cfg.stepMillis;
    if (lastStep != Long.MIN_VALUE && step <= lastStep) {
      step = lastStep + cfg.stepMillis;
    }
    lastStep = step;
    run.accept(TelemetryEvent.metric(step, "series", "", "series", "", NAMES, new double[] {value}));
    List<DetectionResult> results = run.advanceTo(step + cfg.stepMillis);
    if (!results.isEmpty()) {
      lastResult = results.get(results.size() - 1);
      lastScore = lastResult.score;
    }
    return lastScore;
  }

  /** The full result behind the latest score, or null before the first one. */
  public DetectionResult lastResult() {
    return lastResult;
  }
}
