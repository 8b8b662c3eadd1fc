package dev.stormwatch.model;

import dev.stormwatch.window.WindowAssembly;

/**
 * Turns an annotated {@link WindowAssembly} into the model's fixed {@code channels x steps} input
 * (row-major, channel first): metric z = (v - expectedCenter) / expectedScale clipped, 0 with mask
 * 0 where a step has no sample or the key's baseline is not mature; error and warn counts as excess
 * over the key's Poisson-aware baseline in its scale, info volume as log1p(count) minus its
 * window mean.
 */
public final class WindowFeaturizer {
  private final FeatureSchema schema;

  public WindowFeaturizer(FeatureSchema schema) {
    this.schema = schema;
  }

  public FeatureSchema schema() {
    return schema;
  }

  /** The window's features; a window with other step counts is right-aligned (newest steps kept). */
  public float[] features(WindowAssembly w) {
    int steps = schema.steps();
    float[] x = new float[schema.size()];
    int shift = w.steps - steps;
    for (int m = 0; m < schema.metrics().size(); m++) {
      int src = w.metricIndex(schema.metrics().get(m));
      if (src < 0 || !usable(w, src)) {
        continue;
      }
      double center = w.expectedCenter[src];
      double scale = w.expectedScale[src];
      for (int t = 0; t < steps; t++) {
        int ts = t + shift;
        double v = ts >= 0 && ts < w.steps ? w.value(src, ts) : Double.NaN;
        if (Double.isFinite(v)) {
          x[schema.valueChannel(m) * steps + t] = (float) schema.feature((v - center) / scale);
          x[schema.maskChannel(m) * steps + t] = 1f;
        }
      }
    }
    addLogChannels(w, x, shift);
    return x;
  }

  private void addLogChannels(WindowAssembly w, float[] x, int shift) {
    int steps = schema.steps();
    boolean errorsKnown = Double.isFinite(w.expectedErrors) && w.errorScale > 0;
    boolean warnsKnown = Double.isFinite(w.expectedWarns) && w.warnScale > 0;
    double infoMean = 0;
    int n = 0;
    for (int t = 0; t < w.steps; t++) {
      infoMean += Math.log1p(w.infoCounts[t]);
      n++;
    }
    infoMean = n == 0 ? 0 : infoMean / n;
    for (int t = 0; t < steps; t++) {
      int ts = t + shift;
      if (ts < 0 || ts >= w.steps) {
        continue;
      }
      if (errorsKnown) {
        x[schema.errorChannel() * steps + t] =
            (float) schema.feature((w.errorCounts[ts] - w.expectedErrors) / w.errorScale);
        x[schema.logMaskChannel() * steps + t] = 1f;
      }
      if (warnsKnown) {
        x[schema.warnChannel() * steps + t] =
            (float) schema.feature((w.warnCounts[ts] - w.expectedWarns) / w.warnScale);
      }
      x[schema.infoChannel() * steps + t] = (float) clip(Math.log1p(w.infoCounts[ts]) - infoMean);
    }
  }

  /**
   * True when the key sent something in the window's newest step (a vocabulary metric sample or a
   * log line); windows without are not scored (e.g. trailing windows after the end of input).
   */
  public boolean observedInNewestStep(WindowAssembly w) {
    int t = w.steps - 1;
    if (t < 0) {
      return false;
    }
    if (w.infoCounts[t] + w.warnCounts[t] + w.errorCounts[t] > 0) {
      return true;
    }
    for (String name : schema.metrics()) {
      int m = w.metricIndex(name);
      if (m >= 0 && Double.isFinite(w.value(m, t))) {
        return true;
      }
    }
    return false;
  }

  private boolean usable(WindowAssembly w, int m) {
    return w.baselineSamples[m] >= schema.minBaselineSamples()
        && Double.isFinite(w.expectedCenter[m])
        && w.expectedScale[m] > 0;
  }

  private double clip(double z) {
    return Math.max(-schema.clip(), Math.min(schema.clip(), z));
  }
}
