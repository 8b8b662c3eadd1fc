package dev.stormwatch.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link WindowAssembly} from a key's panes: plain Java, shared by the Flink operator
 * and the offline evaluation path. Baseline expectations and template novelty are left for the
 * key's baseline model to fill in.
 */
public final class WindowBuilder {
  private final long stepMillis;
  private final int steps;

  /**
   * @param stepMillis the slide (pane length) in milliseconds
   * @param steps the window length in steps
   */
  public WindowBuilder(long stepMillis, int steps) {
    if (stepMillis <= 0 || steps <= 0) {
      throw new IllegalArgumentException("step and window length must be positive");
    }
    this.stepMillis = stepMillis;
    this.steps = steps;
  }

  public long stepMillis() {
    return stepMillis;
  }

  public int steps() {
    return steps;
  }

  /** Start of the pane (step) that holds a timestamp. */
  public long paneStart(long timeMillis) {
    return Math.floorDiv(timeMillis, stepMillis) * stepMillis;
  }

  /**
   * Builds the window ending at {@code end} (exclusive) from whichever of its panes exist.
   *
   * @param panes panes of one key keyed by their start; panes outside the window are ignored
   */
  public WindowAssembly build(
      String provider, String service, long end, Map<Long, Pane> panes) {
    WindowAssembly w = new WindowAssembly();
    w.provider = provider;
    w.service = service;
    w.end = end;
    w.start = end - steps * stepMillis;
    w.stepMillis = stepMillis;
    w.steps = steps;
    w.infoCounts = new int[steps];
    w.warnCounts = new int[steps];
    w.errorCounts = new int[steps];

    Map<String, double[]> series = new LinkedHashMap<>();
    Map<String, Integer> templateIndex = new LinkedHashMap<>();
    List<int[]> templateStats = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      Pane p = panes.get(w.start + t * stepMillis);
      if (p == null) {
        continue;
      }
      w.live |= p.live;
      if (w.region.isEmpty()) {
        w.region = p.region;
      }
      for (String r : p.resources) {
        if (!resources.contains(r)) {
          resources.add(r);
        }
      }
      for (int m = 0; m < p.metricNames.length; m++) {
        double[] s = series.computeIfAbsent(p.metricNames[m], k -> nanArray(steps));
        s[t] = p.mean(m);
      }
      w.infoCounts[t] = p.info;
      w.warnCounts[t] = p.warn;
      w.errorCounts[t] = p.error;
      for (int i = 0; i < p.templates.length; i++) {
        Integer idx = templateIndex.get(p.templates[i]);
        if (idx == null) {
          templateIndex.put(p.templates[i], templateStats.size());
          templateStats.add(new int[] {p.templateCounts[i], p.templateSeverity[i], t});
          examples.add(p.templateExamples[i]);
        } else {
          int[] st = templateStats.get(idx);
          st[0] += p.templateCounts[i];
          st[1] = Math.max(st[1], p.templateSeverity[i]);
        }
      }
    }
    w.resources = resources.size();

    int metrics = series.size();
    w.metricNames = series.keySet().toArray(new String[0]);
    w.values = new double[metrics * steps];
    int m = 0;
    for (double[] s : series.values()) {
      System.arraycopy(s, 0, w.values, m * steps, steps);
      m++;
    }
    w.expectedCenter = nanArray(metrics);
    w.expectedScale = nanArray(metrics);
    w.baselineSamples = new long[metrics];

    int n = templateStats.size();
    w.templates = templateIndex.keySet().toArray(new String[0]);
    w.templateCounts = new int[n];
    w.templateSeverity = new int[n];
    w.templateFirstStep = new int[n];
    w.templateNovel = new boolean[n];
    w.templateExamples = examples.toArray(new String[0]);
    for (int i = 0; i < n; i++) {
      int[] st = templateStats.get(i);
      w.templateCounts[i] = st[0];
      w.templateSeverity[i] = st[1];
      w.templateFirstStep[i] = st[2];
    }
    return w;
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
