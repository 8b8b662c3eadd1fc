package dev.stormwatch.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the occluded copies of a window's features: one per present metric with its values set to
 * the baseline's expectation (z = 0, still present), and one with the log counts at theirs.
 */
final class Occlusion {
  /** A copy of window {@code window} with {@code signal} (a metric index, or -1 for logs) masked. */
  record Variant(int window, int signal, float[] features) {}

  private final FeatureSchema schema;

  Occlusion(FeatureSchema schema) {
    this.schema = schema;
  }

  List<Variant> variants(int window, float[] x) {
    int steps = schema.steps();
    List<Variant> out = new ArrayList<>();
    for (int m = 0; m < schema.metrics().size(); m++) {
      if (anyPositive(x, schema.maskChannel(m))) {
        float[] y = x.clone();
        clear(y, schema.valueChannel(m));
        out.add(new Variant(window, m, y));
      }
    }
    if (anyPositive(x, schema.logMaskChannel())) {
      float[] y = x.clone();
      clear(y, schema.errorChannel());
      clear(y, schema.warnChannel());
      clear(y, schema.infoChannel());
      out.add(new Variant(window, -1, y));
    }
    return out;
  }

  private boolean anyPositive(float[] x, int channel) {
    for (int t = 0; t < schema.steps(); t++) {
      if (x[channel * schema.steps() + t] > 0) {
        return true;
      }
    }
    return false;
  }

  private void clear(float[] y, int channel) {
    java.util.Arrays.fill(y, channel * schema.steps(), (channel + 1) * schema.steps(), 0f);
  }
}
