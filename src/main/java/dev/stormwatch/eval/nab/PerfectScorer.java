package dev.stormwatch.eval.nab;

import java.util.List;

/**
 * An oracle that reads the labels: scores 1 at the first scorable row (after NAB's probationary
 * period) of each window and 0 elsewhere, so it earns NAB's perfect raw score ({@code windows x
 * tpWeight}) whenever every window has a scorable row.
 */
public final class PerfectScorer implements StreamingScorer {
  private final List<LabelWindow> windows;
  private final boolean[] fired;
  private final int probation;
  private int row;

  public PerfectScorer(SeriesContext context) {
    this.windows = context.windows();
    this.fired = new boolean[windows.size()];
    this.probation = NabScorer.probationaryLength(context.rows());
  }

  @Override
  public double next(long timeMillis, double value) {
    int index = row++;
    if (index < probation) {
      return 0.0;
    }
    for (int w = 0; w < windows.size(); w++) {
      if (!fired[w] && windows.get(w).contains(timeMillis)) {
        fired[w] = true;
        return 1.0;
      }
    }
    return 0.0;
  }
}
