package dev.stormwatch.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a normal window's features into a synthetic anomaly ending at the window's newest step:
 * a spike, level shift, trend, variance change, dropped metric or error-log burst on present
 * channels, with magnitudes in baseline sigmas. Self-supervised positives for training. With a
 * {@link ChannelCoupling}, the channels correlated with the one hit move with it.
 */
public final class AnomalyInjector {
  /** The kinds of injected anomaly. */
  public enum Kind {
    SPIKE, LEVEL_SHIFT, TREND, VARIANCE, DROPPED_METRIC, ERROR_BURST
  }

  private final FeatureSchema schema;
  private final ChannelCoupling coupling;

  /** Injections that move one channel (and a drawn level-shift partner). */
  public AnomalyInjector(FeatureSchema schema) {
    this(schema, ChannelCoupling.none(schema));
  }

  /** Injections that also move each hit channel's coupled partners. */
  public AnomalyInjector(FeatureSchema schema, ChannelCoupling coupling) {
    this.schema = schema;
    this.coupling = coupling;
  }

  /** Injects one random anomaly into a copy of {@code x}; null when no kind fits the window. */
  public Injected inject(float[] x, Random rnd) {
    List<Integer> present = presentMetrics(x);
    boolean logs = x[schema.logMaskChannel() * schema.steps() + schema.steps() - 1] > 0;
    List<Kind> kinds = new ArrayList<>();
    if (!present.isEmpty()) {
      kinds.addAll(List.of(Kind.SPIKE, Kind.LEVEL_SHIFT, Kind.TREND, Kind.VARIANCE,
          Kind.DROPPED_METRIC));
    }
    if (logs) {
      kinds.add(Kind.ERROR_BURST);
    }
    if (kinds.isEmpty()) {
      return null;
    }
    Kind kind = kinds.get(rnd.nextInt(kinds.size()));
    float[] y = x.clone();
    int steps = schema.steps();
    int m = present.isEmpty() ? -1 : present.get(rnd.nextInt(present.size()));
    double sign = rnd.nextBoolean() ? 1 : -1;
    switch (kind) {
      case SPIKE -> {
        int len = 1 + rnd.nextInt(2);
        addCoupled(y, m, steps - len, len, sign * uniform(rnd, 6, 14), false);
      }
      case LEVEL_SHIFT -> {
        int len = 3 + rnd.nextInt(Math.max(1, steps - 3));
        addCoupled(y, m, steps - len, len, sign * uniform(rnd, 4, 10), false);
        if (present.size() > 1 && rnd.nextBoolean()) {
          List<Integer> others = new ArrayList<>(present);
          others.remove(Integer.valueOf(m));
          int other = others.get(rnd.nextInt(others.size()));
          addCoupled(y, other, steps - len, len, (rnd.nextBoolean() ? 1 : -1) * uniform(rnd, 3, 8), false);
        }
      }
      case TREND -> {
        int len = 4 + rnd.nextInt(Math.max(1, steps - 4));
        addCoupled(y, m, steps - len, len, sign * uniform(rnd, 5, 12), true);
      }
      case VARIANCE -> {
        int len = 4 + rnd.nextInt(Math.max(1, steps - 4));
        double amp = uniform(rnd, 4, 8);
        double[] swing = new double[steps];
        for (int t = steps - len; t < steps; t++) {
          if (y[schema.maskChannel(m) * steps + t] > 0) {
            swing[t] = amp * (t % 2 == 0 ? 1 : -1) * (0.6 + 0.4 * rnd.nextDouble());
          }
        }
        for (int j = 0; j < schema.metrics().size(); j++) {
          double weight = j == m ? 1 : coupling.weight(m, j);
          for (int t = steps - len; weight != 0 && t < steps; t++) {
            if (y[schema.maskChannel(j) * steps + t] > 0) {
              set(y, schema.valueChannel(j), t, sigmas(y, schema.valueChannel(j), t) * 2
                  + weight * swing[t]);
            }
          }
        }
      }
      case DROPPED_METRIC -> {
        int len = 3 + rnd.nextInt(Math.max(1, steps - 3));
        for (int t = steps - len; t < steps; t++) {
          y[schema.valueChannel(m) * steps + t] = 0f;
          y[schema.maskChannel(m) * steps + t] = 0f;
        }
      }
      case ERROR_BURST -> {
        int len = 2 + rnd.nextInt(Math.max(1, steps - 2));
        double size = uniform(rnd, 5, 15);
        for (int t = steps - len; t < steps; t++) {
          set(y, schema.errorChannel(), t, sigmas(y, schema.errorChannel(), t) + size);
          if (rnd.nextBoolean()) {
            set(y, schema.warnChannel(), t, sigmas(y, schema.warnChannel(), t) + size / 2);
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    return new Injected(kind, y);
  }

  /**
   * A normal copy of {@code x}: one present channel (and its coupled partners) offset by 2-6 sigmas
   * over the whole window, as when a key's level moved before the window and its baseline has not
   * caught up; an onset inside the window is what marks an anomaly. Null without a present channel.
   */
  public float[] baselineOffset(float[] x, Random rnd) {
    List<Integer> present = presentMetrics(x);
    if (present.isEmpty()) {
      return null;
    }
    float[] y = x.clone();
    int m = present.get(rnd.nextInt(present.size()));
    addCoupled(y, m, 0, schema.steps(), (rnd.nextBoolean() ? 1 : -1) * uniform(rnd, 2, 6), false);
    return y;
  }

  /** A ramp or step on {@code m}, and on each coupled partner scaled by its weight. */
  private void addCoupled(float[] y, int m, int from, int len, double size, boolean ramp) {
    addRamp(y, m, from, len, size, ramp);
    for (int j = 0; j < schema.metrics().size(); j++) {
      double weight = coupling.weight(m, j);
      if (weight != 0) {
        addRamp(y, j, from, len, size * weight, ramp);
      }
    }
  }

  private void addRamp(float[] y, int m, int from, int len, double size, boolean ramp) {
    int steps = schema.steps();
    for (int t = Math.max(0, from); t < steps; t++) {
      if (y[schema.maskChannel(m) * steps + t] > 0) {
        double part = ramp ? (t - from + 1) / (double) len : 1.0;
        set(y, schema.valueChannel(m), t, sigmas(y, schema.valueChannel(m), t) + size * part);
      }
    }
  }

  private double sigmas(float[] y, int channel, int t) {
    return schema.sigmas(y[channel * schema.steps() + t]);
  }

  private void set(float[] y, int channel, int t, double sigmas) {
    y[channel * schema.steps() + t] = (float) schema.feature(sigmas);
  }

  private List<Integer> presentMetrics(float[] x) {
    List<Integer> present = new ArrayList<>();
    int steps = schema.steps();
    for (int m = 0; m < schema.metrics().size(); m++) {
      if (x[schema.maskChannel(m) * steps + steps - 1] > 0) {
        present.add(m);
      }
    }
    return present;
  }

  private static double uniform(Random rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }

  /** An injected window and its kind. */
  public record Injected(Kind kind, float[] features) {}
}
