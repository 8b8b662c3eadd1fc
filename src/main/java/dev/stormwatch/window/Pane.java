package dev.stormwatch.window;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.util.Arrays;

/**
 * The pre-aggregate of one key's records in one step (one slide of the sliding window): every
 * record updates exactly one pane, and windows are assembled from consecutive panes.
 *
 * <p>Per metric it keeps the sum, count and maximum over all resources' samples; per log template
 * its count, highest severity and a first example. Both lists are bounded so that a noisy key
 * cannot grow state without limit: a metric that does not fit is handed back to the caller (the
 * job makes it a dead letter); a WARN or ERROR template that does not fit replaces the least-logged
 * template of a lower severity, and a log line whose template is not kept still counts in the
 * severity totals; both are counted in {@link #overflow}.
 */
public class Pane {
  /** Most distinct metric names kept per pane unless the caller says otherwise. */
  public static final int MAX_METRICS = BaselineConfig.DEFAULT_MAX_METRICS;
  /** Most distinct log templates kept per pane. */
  public static final int MAX_TEMPLATES = 64;
  /** Most distinct resources counted per pane. */
  public static final int MAX_RESOURCES = 256;
  /** Longest example message kept per template. */
  public static final int MAX_EXAMPLE = 300;

  public long start;
  public boolean live;
  public String region = "";
  public String[] metricNames = new String[0];
  public double[] sums = new double[0];
  public double[] maxs = new double[0];
  public int[] counts = new int[0];
  public String[] resources = new String[0];
  public int info;
  public int warn;
  public int error;
  public String[] templates = new String[0];
  public int[] templateCounts = new int[0];
  public int[] templateSeverity = new int[0];
  public String[] templateExamples = new String[0];
  /** Metric samples and log lines beyond the bounds above (still counted in the log totals). */
  public int overflow;

  public Pane() {}

  public Pane(long start) {
    this.start = start;
  }

  private static final int[] NONE = new int[0];

  /** {@link #add(TelemetryEvent, String, int)} with at most {@link #MAX_METRICS} metric names. */
  public int[] add(TelemetryEvent e, String template) {
    return add(e, template, MAX_METRICS);
  }

  /**
   * Adds one validated record; {@code template} is the log line's template key (logs only).
   * Returns the indices of the record's metrics that were not kept because the pane already holds
   * {@code maxMetrics} other names (usually none).
   */
  public int[] add(TelemetryEvent e, String template, int maxMetrics) {
    if (!e.warmup()) {
      live = true;
    }
    if (region.isEmpty() && !e.region().isEmpty()) {
      region = e.region();
    }
    if (!e.resource().isEmpty()) {
      addResource(e.resource());
    }
    if (e.kind() == TelemetryEvent.Kind.METRIC) {
      String[] names = e.metricNames();
      double[] vals = e.metricValues();
      int[] dropped = null;
      int count = 0;
      for (int i = 0; i < names.length; i++) {
        if (!addMetric(names[i], vals[i], maxMetrics)) {
          if (dropped == null) {
            dropped = new int[names.length - i];
          }
          dropped[count++] = i;
        }
      }
      return dropped == null ? NONE : Arrays.copyOf(dropped, count);
    }
    addLog(e.severity(), template, e.message());
    return NONE;
  }

  /** Mean of a metric over the pane, NaN when absent. */
  public double mean(int m) {
    return counts[m] == 0 ? Double.NaN : sums[m] / counts[m];
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

  private boolean addMetric(String name, double value, int maxMetrics) {
    int m = metricIndex(name);
    if (m < 0) {
      if (metricNames.length >= maxMetrics) {
        overflow++;
        return false;
      }
      m = metricNames.length;
      metricNames = Arrays.copyOf(metricNames, m + 1);
      metricNames[m] = name;
      sums = Arrays.copyOf(sums, m + 1);
      maxs = Arrays.copyOf(maxs, m + 1);
      maxs[m] = Double.NEGATIVE_INFINITY;
      counts = Arrays.copyOf(counts, m + 1);
    }
    sums[m] += value;
    counts[m]++;
    maxs[m] = Math.max(maxs[m], value);
    return true;
  }

  private void addResource(String resource) {
    for (String r : resources) {
      if (r.equals(resource)) {
        return;
      }
    }
    if (resources.length < MAX_RESOURCES) {
      resources = Arrays.copyOf(resources, resources.length + 1);
      resources[resources.length - 1] = resource;
    }
  }

  private void addLog(int severity, String template, String message) {
    switch (Severity.bucket(severity)) {
      case 2 -> error++;
      case 1 -> warn++;
      default -> info++;
    }
    for (int i = 0; i < templates.length; i++) {
      if (templates[i].equals(template)) {
        templateCounts[i]++;
        templateSeverity[i] = Math.max(templateSeverity[i], severity);
        return;
      }
    }
    int n = templates.length;
    if (n >= MAX_TEMPLATES) {
      int weakest = weakestTemplate();
      if (Severity.bucket(severity) <= Severity.bucket(templateSeverity[weakest])) {
        overflow++;
        return;
      }
      // a WARN or ERROR template outranks the least-logged template of a lower severity: the
      // replaced template's lines stay in the severity totals, without their template
      overflow += templateCounts[weakest];
      n = weakest;
    } else {
      templates = Arrays.copyOf(templates, n + 1);
      templateCounts = Arrays.copyOf(templateCounts, n + 1);
      templateSeverity = Arrays.copyOf(templateSeverity, n + 1);
      templateExamples = Arrays.copyOf(templateExamples, n + 1);
    }
    templates[n] = template;
    templateCounts[n] = 1;
    templateSeverity[n] = severity;
    templateExamples[n] =
        message.length() > MAX_EXAMPLE ? message.substring(0, MAX_EXAMPLE) : message;
  }

  /** The kept template of the lowest severity and, among those, the fewest lines (the newest on ties). */
  private int weakestTemplate() {
    int weakest = 0;
    for (int i = 1; i < templates.length; i++) {
      int bucket = Severity.bucket(templateSeverity[i]);
      int weakestBucket = Severity.bucket(templateSeverity[weakest]);
      if (bucket < weakestBucket
          || bucket == weakestBucket && templateCounts[i] <= templateCounts[weakest]) {
        weakest = i;
      }
    }
    return weakest;
  }
}
