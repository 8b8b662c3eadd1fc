package dev.stormwatch.eval.report;

import dev.stormwatch.eval.Label;
import java.util.List;
import java.util.Map;

/**
 * Picks the metric that moved most during an incident: the largest |mean during onset..end - mean
 * of the hour before onset| in units of that hour's standard deviation (floored at 1% of its mean).
 */
final class MetricRelevance {
  private static final long HOUR = 3_600_000L;

  private MetricRelevance() {}

  /** The most relevant metric's name; the first metric when none has data around the incident. */
  static String mostRelevant(Map<String, List<double[]>> metrics, Label incident) {
    String best = metrics.keySet().iterator().next();
    double bestShift = -1;
    long onset = incident.start().toEpochMilli();
    long end = incident.end().toEpochMilli();
    for (Map.Entry<String, List<double[]>> e : metrics.entrySet()) {
      double[] before = stats(e.getValue(), onset - HOUR, onset);
      double[] during = stats(e.getValue(), onset, end);
      if (before[2] < 2 || during[2] < 1) {
        continue;
      }
      double sd = Math.max(before[1], Math.max(1e-9, 0.01 * Math.abs(before[0])));
      double shift = Math.abs(during[0] - before[0]) / sd;
      if (shift > bestShift) {
        bestShift = shift;
        best = e.getKey();
      }
    }
    return best;
  }

  /** {mean, standard deviation, count} of the points in [from, to). */
  private static double[] stats(List<double[]> points, long from, long to) {
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (double[] p : points) {
      if (p[0] >= from && p[0] < to) {
        sum += p[1];
        sq += p[1] * p[1];
        n++;
      }
    }
    if (n == 0) {
      return new double[] {0, 0, 0};
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean)), n};
  }
}
