package dev.stormwatch.detect;

import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.window.WindowAssembly;
import java.util.Arrays;

/**
 * Turns a univariate series into baseline-annotated windows, one value per step: each value fills
 * its own step, which is closed at once, and {@link #next} returns the window ending with it, for
 * any detector to score ({@link BaselineSeriesScorer}, the NAB hybrid). The baseline keeps
 * learning from every value, so the expectations follow the series.
 */
public final class SeriesWindows {
  /** The metric name the series' values are reported under. */
  public static final String METRIC = "value";

  private static final String[] NAMES = {METRIC};

  private final long stepMillis;
  private final OfflineDetection run;
  private final Capture capture = new Capture();
  private long lastStep = Long.MIN_VALUE;

  /** Windows of {@code cfg}'s step and length. */
  public SeriesWindows(BaselineConfig cfg) {
    this.stepMillis = cfg.stepMillis;
    this.run = new OfflineDetection(cfg, capture);
  }

  /**
   * A series' sampling interval from its first {@code n} timestamps: the median gap between
   * neighbours, each gap at least one second.
   */
  public static long medianStep(long[] times, int n) {
    long[] gaps = new long[n - 1];
    for (int i = 1; i < n; i++) {
      gaps[i - 1] = Math.max(1_000L, times[i] - times[i - 1]);
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }

  /** The step (sampling interval) of the windows. */
  public long stepMillis() {
    return stepMillis;
  }

  /**
   * Feeds the next value and returns the annotated window ending with its step, or null for a
   * non-finite value. A value whose step is already taken (irregular sampling) moves to the next.
   */
  public WindowAssembly next(long timeMillis, double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    long step = Math.floorDiv(timeMillis, stepMillis) * stepMillis;
    if (lastStep != Long.MIN_VALUE && step <= lastStep) {
      step = lastStep + stepMillis;
    }
    lastStep = step;
    capture.latest = null;
    run.accept(TelemetryEvent.metric(step, "series", "", "series", "", NAMES, new double[] {value}));
    run.advanceTo(step + stepMillis);
    return capture.latest;
  }

  /** Keeps the latest window it is shown; scores nothing. */
  private static final class Capture implements Detector {
    WindowAssembly latest;

    @Override
    public String modelVersion() {
      return "capture";
    }

    @Override
    public DetectionResult score(WindowAssembly window) {
      latest = window;
      return DetectionResult.forWindow(window);
    }
  }
}
