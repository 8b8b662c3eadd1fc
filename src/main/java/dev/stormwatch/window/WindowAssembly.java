package dev.stormwatch.window;

/**
 * One sliding window of one (provider, service) key, assembled from per-step panes: the input of
 * every {@link dev.stormwatch.detect.Detector}.
 *
 * <p>Metrics are resampled to {@code steps} steps of {@code stepMillis}: {@code values[m * steps +
 * t]} is the mean over the key's resources of metric {@code metricNames[m]} in step {@code t}
 * (oldest first), NaN where the step had no sample. {@code expectedCenter}/{@code expectedScale}
 * are the key's learned baseline for that metric at this hour of day (NaN while cold) and {@code
 * baselineSamples} how many steps taught it. Log lines are counted per step and severity bucket and
 * grouped into templates; {@code templateNovel} marks templates never seen before on this key.
 */
public class WindowAssembly {
  public String provider = "";
  public String service = "";
  public String region = "";
  public long start;
  public long end;
  public long stepMillis;
  public int steps;
  /** Distinct resources seen in the window. */
  public int resources;
  /** True when at least one live (non-warm-up) record fell into the window. */
  public boolean live;

  public String[] metricNames = new String[0];
  public double[] values = new double[0];
  public double[] expectedCenter = new double[0];
  public double[] expectedScale = new double[0];
  public long[] baselineSamples = new long[0];
  /**
   * Each metric's novelty in its newest step ({@code detect.novelty.NoveltyMemory}), NaN without a
   * value; empty when the job does not track novelty.
   */
  public double[] metricNovelty = new double[0];
  /** True while the key's novelty still learns: its first hours, or while every metric learns. */
  public boolean noveltyLearning;

  public int[] infoCounts = new int[0];
  public int[] warnCounts = new int[0];
  public int[] errorCounts = new int[0];
  /** Baseline mean and scale of per-step error (and fatal) log counts; NaN while cold. */
  public double expectedErrors = Double.NaN;
  public double errorScale = Double.NaN;
  public double expectedWarns = Double.NaN;
  public double warnScale = Double.NaN;
  public long logBaselineSamples;

  public String[] templates = new String[0];
  public int[] templateCounts = new int[0];
  public int[] templateSeverity = new int[0];
  public boolean[] templateNovel = new boolean[0];
  /** The first step (0-based) in which each template appeared in this window. */
  public int[] templateFirstStep = new int[0];
  public String[] templateExamples = new String[0];

  public WindowAssembly() {}

  /** The keyBy key of the window. */
  public String key() {
    return dev.stormwatch.event.Keys.of(provider, service);
  }

  /** Value of metric {@code m} at step {@code t}. */
  public double value(int m, int t) {
    return values[m * steps + t];
  }

  /** Index of a metric by name, or -1. */
  public int metricIndex(String name) {
    for (int i = 0; i < metricNames.length; i++) {
      if (metricNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Total log lines in the window. */
  public int logLines() {
    int sum = 0;
    for (int t = 0; t < steps; t++) {
      sum += infoCounts[t] + warnCounts[t] + errorCounts[t];
    }
    return sum;
  }
}
