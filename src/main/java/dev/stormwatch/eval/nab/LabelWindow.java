package dev.stormwatch.eval.nab;

/** One labelled anomaly window of a NAB file, inclusive on both ends, in epoch milliseconds. */
public record LabelWindow(long startMillis, long endMillis) {

  /** True when the instant lies inside the window. */
  public boolean contains(long timeMillis) {
    return timeMillis >= startMillis && timeMillis <= endMillis;
  }
}
