package dev.stormwatch.eval.nab;

import dev.stormwatch.detect.BaselineSeriesScorer;
import dev.stormwatch.detect.SeriesWindows;

/**
 * NAB detector {@code stormwatch}: Stormwatch's default (baseline) detector over one NAB series.
 * The step is the series' own sampling interval, taken as the median of its first gaps; the first
 * few values only establish that interval (NAB's probationary period covers them).
 */
public final class StormwatchNabPlugin implements NabDetectorPlugin {
  /** Values buffered to estimate the sampling interval. */
  static final int INTERVAL_SAMPLES = 6;

  @Override
  public String name() {
    return NabDetectors.DEFAULT_DETECTOR;
  }

  @Override
  public StreamingScorer create(SeriesContext context) {
    return new IntervalProbingScorer();
  }

  /** Buffers the first values, then replays them into a baseline scorer of the right step. */
  static final class IntervalProbingScorer implements StreamingScorer {
    private final long[] times = new long[INTERVAL_SAMPLES];
    private final double[] values = new double[INTERVAL_SAMPLES];
    private int buffered;
    private BaselineSeriesScorer scorer;

    @Override
    public double next(long timeMillis, double value) {
      if (scorer != null) {
        return scorer.next(timeMillis, value);
      }
      times[buffered] = timeMillis;
      values[buffered] = value;
      buffered++;
      if (buffered < INTERVAL_SAMPLES) {
        return 0.0;
      }
      scorer = new BaselineSeriesScorer(SeriesWindows.medianStep(times, INTERVAL_SAMPLES));
      double score = 0.0;
      for (int i = 0; i < INTERVAL_SAMPLES; i++) {
        score = scorer.next(times[i], values[i]);
      }
      return score;
    }
  }
}
