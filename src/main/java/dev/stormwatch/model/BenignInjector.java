package dev.stormwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Turns a normal window's features into a benign change that is still normal (label -1), so the
 * head learns that not every deviation is an incident: a traffic surge (demand up, resource use up
 * in proportion, latency and errors flat) or a deploy-like short shift (resource use up for a few
 * steps, one sample missing while an instance restarts).
 */
final class BenignInjector {
  /** The kinds of benign change. */
  enum Kind {
    TRAFFIC_SURGE, DEPLOY_SHIFT
  }

  private final FeatureSchema schema;
  private final List<Integer> demand = new ArrayList<>();
  private final List<Integer> resources = new ArrayList<>();
  private final List<Integer> latency = new ArrayList<>();

  BenignInjector(FeatureSchema schema) {
    this.schema = schema;
    for (int m = 0; m < schema.metrics().size(); m++) {
      String name = schema.metrics().get(m).toLowerCase(Locale.ROOT);
      if (name.contains("request") || name.contains("rps") || name.contains("throughput")) {
        demand.add(m);
      } else if (name.contains("cpu") || name.contains("mem") || name.contains("conn")
          || name.contains("pool") || name.contains("thread")) {
        resources.add(m);
      } else if (name.contains("latency") || name.contains("duration")) {
        latency.add(m);
      }
    }
  }

  /** A benign copy of {@code x} of the given kind; null when the window lacks the metrics for it. */
  float[] inject(float[] x, Kind kind, Random rnd) {
    List<Integer> presentResources = present(x, resources);
    if (presentResources.isEmpty()) {
      return null;
    }
    float[] y = x.clone();
    int steps = schema.steps();
    switch (kind) {
      case TRAFFIC_SURGE -> {
        List<Integer> presentDemand = present(x, demand);
        if (presentDemand.isEmpty()) {
          return null;
        }
        int len = 3 + rnd.nextInt(Math.max(1, steps - 2));
        double size = 2 + 6 * rnd.nextDouble();
        boolean ramp = rnd.nextBoolean();
        for (int m : presentDemand) {
          add(y, m, steps - len, len, size, ramp);
        }
        for (int m : presentResources) {
          add(y, m, steps - len, len, size * (0.3 + 0.7 * rnd.nextDouble()), ramp);
        }
        for (int m : present(x, latency)) {
          add(y, m, steps - len, len, -0.5 + 2 * rnd.nextDouble(), ramp);
        }
      }
      case DEPLOY_SHIFT -> {
        int len = 2 + rnd.nextInt(4);
        int from = rnd.nextInt(Math.max(1, steps - len + 1));
        for (int m : presentResources) {
          if (rnd.nextDouble() < 0.7) {
            add(y, m, from, len, 1.5 + 3.5 * rnd.nextDouble(), false);
          }
        }
        for (int m : present(x, latency)) {
          add(y, m, from, len, 2 * rnd.nextDouble(), false);
        }
        if (rnd.nextBoolean()) {
          int m = presentResources.get(rnd.nextInt(presentResources.size()));
          int t = from + rnd.nextInt(len);
          if (t < steps) {
            y[schema.valueChannel(m) * steps + t] = 0f;
            y[schema.maskChannel(m) * steps + t] = 0f;
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    return y;
  }

  private void add(float[] y, int m, int from, int len, double size, boolean ramp) {
    int steps = schema.steps();
    for (int t = Math.max(0, from); t < Math.min(steps, from + len); t++) {
      int i = schema.valueChannel(m) * steps + t;
      if (y[schema.maskChannel(m) * steps + t] > 0) {
        double part = ramp ? (t - from + 1) / (double) len : 1.0;
        y[i] = schema.shifted(y[i], size * part);
      }
    }
  }

  private List<Integer> present(float[] x, List<Integer> metrics) {
    List<Integer> out = new ArrayList<>();
    int steps = schema.steps();
    for (int m : metrics) {
      if (x[schema.maskChannel(m) * steps + steps - 1] > 0) {
        out.add(m);
      }
    }
    return out;
  }
}
