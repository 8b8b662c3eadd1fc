package dev.stormwatch.eval.report;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wraps a {@link Detector} and keeps, for the chosen keys, each live window's newest step of every
 * metric (the per-step mean over the key's resources), so that reports can plot what detectors saw.
 */
public final class SeriesRecorder implements Detector {
  private final Detector inner;
  private final Set<String> keys;
  private final Map<String, Map<String, List<double[]>>> series = new LinkedHashMap<>();

  /**
   * @param inner the detector that scores the windows
   * @param keys the keys ({@link dev.stormwatch.event.Keys#of}) to record
   */
  public SeriesRecorder(Detector inner, Set<String> keys) {
    this.inner = inner;
    this.keys = keys;
  }

  @Override
  public boolean readsNovelty() {
    return inner.readsNovelty();
  }

  @Override
  public String modelVersion() {
    return inner.modelVersion();
  }

  @Override
  public DetectionResult score(WindowAssembly w) {
    if (w.live && keys.contains(w.key())) {
      Map<String, List<double[]>> byMetric = series.computeIfAbsent(w.key(), k -> new LinkedHashMap<>());
      long stepStart = w.end - w.stepMillis;
      for (int m = 0; m < w.metricNames.length; m++) {
        double v = w.value(m, w.steps - 1);
        if (Double.isFinite(v)) {
          byMetric.computeIfAbsent(w.metricNames[m], k -> new ArrayList<>())
              .add(new double[] {stepStart, v});
        }
      }
    }
    return inner.score(w);
  }

  @Override
  public void close() {
    inner.close();
  }

  /**
   * Recorded points per key and metric: {@code {stepStartMillis, value}}, in time order.
   */
  public Map<String, Map<String, List<double[]>>> series() {
    return series;
  }
}
