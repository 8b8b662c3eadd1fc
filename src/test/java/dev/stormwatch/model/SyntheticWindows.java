package dev.stormwatch.model;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Annotated windows of calm synthetic services (Gaussian metrics around their baseline, Poisson-like logs). */
public final class SyntheticWindows {
  public static final String[] METRICS = {"cpu_util", "latency_p99_ms", "error_rate"};
  public static final long STEP = 60_000;
  public static final int STEPS = 10;

  private SyntheticWindows() {}

  public static List<WindowAssembly> calm(int keys, int perKey, long seed) {
    Random rnd = new Random(seed);
    List<WindowAssembly> out = new ArrayList<>();
    for (int i = 0; i < perKey; i++) {
      for (int k = 0; k < keys; k++) {
        out.add(window("svc" + k, i, rnd));
      }
    }
    return out;
  }

  public static WindowAssembly window(String service, int index, Random rnd) {
    WindowAssembly w = new WindowAssembly();
    w.provider = "aws";
    w.service = service;
    w.region = "us-east-1";
    w.stepMillis = STEP;
    w.steps = STEPS;
    w.end = 1_000_000_000L + index * STEP;
    w.start = w.end - STEPS * STEP;
    w.live = true;
    w.metricNames = METRICS.clone();
    w.values = new double[METRICS.length * STEPS];
    w.expectedCenter = new double[METRICS.length];
    w.expectedScale = new double[METRICS.length];
    w.baselineSamples = new long[METRICS.length];
    for (int m = 0; m < METRICS.length; m++) {
      w.expectedCenter[m] = 10 * (m + 1);
      w.expectedScale[m] = m + 1;
      w.baselineSamples[m] = 500;
      for (int t = 0; t < STEPS; t++) {
        w.values[m * STEPS + t] = w.expectedCenter[m] + w.expectedScale[m] * rnd.nextGaussian();
      }
    }
    w.infoCounts = new int[STEPS];
    w.warnCounts = new int[STEPS];
    w.errorCounts = new int[STEPS];
    for (int t = 0; t < STEPS; t++) {
      w.infoCounts[t] = 20 + rnd.nextInt(5);
      w.warnCounts[t] = rnd.nextInt(3);
      w.errorCounts[t] = rnd.nextInt(2);
    }
    w.expectedErrors = 0.5;
    w.errorScale = 1;
    w.expectedWarns = 1;
    w.warnScale = 1.2;
    w.logBaselineSamples = 500;
    return w;
  }

  /** Raises metric {@code m} by {@code sigmas} of its scale over the last {@code steps} steps. */
  public static WindowAssembly shifted(WindowAssembly w, int m, double sigmas, int steps) {
    for (int t = STEPS - steps; t < STEPS; t++) {
      w.values[m * STEPS + t] += sigmas * w.expectedScale[m];
    }
    return w;
  }
}
