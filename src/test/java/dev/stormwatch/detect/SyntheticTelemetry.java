package dev.stormwatch.detect;

import dev.stormwatch.event.Severity;
import dev.stormwatch.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic telemetry of one key (aws/payments, three resources): diurnal metrics (peak at 14:00
 * UTC) with Gaussian noise, and a Poisson background of INFO, WARN and a few recurring ERROR
 * templates, with hooks to inject incidents.
 */
final class SyntheticTelemetry {
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;
  /** 2026-03-02T00:00:00Z. */
  static final long T0 = 1_772_409_600_000L;

  static final String CPU = "cpu_util";
  static final String LATENCY = "latency_p99_ms";
  static final String RATE = "request_rate";
  static final String ERROR_RATE = "error_rate";
  private static final String[] METRICS = {CPU, LATENCY, RATE, ERROR_RATE};
  private static final String[] RESOURCES = {"payments-1a2b3c", "payments-4d5e6f", "payments-7a8b9c"};
  private static final String[] INFO_LINES = {
    "request served in %d ms for user %d",
    "cache refresh completed with %d entries",
    "health check ok on 10.0.%d.%d",
  };
  private static final String[] WARN_LINES = {
    "slow query took %d ms on shard %d",
    "retrying upstream call attempt %d of %d",
  };
  private static final String[] ERROR_LINES = {
    "upstream connect error after %d ms to 10.0.%d.7",
    "payment declined code %d for order %d",
    "db connection reset by peer after %d queries %d",
  };

  /** Changes a metric value at a time (identity for clean data). */
  interface MetricHook {
    double apply(String metric, long time, double value);
  }

  /** Adds log lines in a step. */
  interface LogHook {
    void addLogs(long stepStart, Random rnd, List<TelemetryEvent> out);
  }

  private final Random rnd;
  private final long stepMillis;
  private MetricHook metricHook = (m, t, v) -> v;
  private LogHook logHook = (t, r, out) -> {};
  private long errorFactorFrom = Long.MAX_VALUE;
  private long errorFactorTo;
  private double errorFactor = 1;

  SyntheticTelemetry(long seed, long stepMillis) {
    this.rnd = new Random(seed);
    this.stepMillis = stepMillis;
  }

  SyntheticTelemetry metrics(MetricHook hook) {
    this.metricHook = hook;
    return this;
  }

  SyntheticTelemetry logs(LogHook hook) {
    this.logHook = hook;
    return this;
  }

  /** Multiplies the ERROR background rate by {@code factor} in [from, to). */
  SyntheticTelemetry errorBurst(long from, long to, double factor) {
    this.errorFactorFrom = from;
    this.errorFactorTo = to;
    this.errorFactor = factor;
    return this;
  }

  /** The clean diurnal value of a metric at a time. */
  static double clean(String metric, long time) {
    double d = Math.sin(2 * Math.PI * ((time % DAY) / (double) HOUR - 8) / 24);
    return switch (metric) {
      case CPU -> 0.45 + 0.15 * d;
      case LATENCY -> 120 + 40 * d;
      case RATE -> 500 + 300 * d;
      default -> 0.002;
    };
  }

  private static double noise(String metric) {
    return switch (metric) {
      case CPU -> 0.02;
      case LATENCY -> 6;
      case RATE -> 20;
      default -> 0.0005;
    };
  }

  /** Events of [from, to), time-ordered within each step. */
  List<TelemetryEvent> generate(long from, long to) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (long step = from; step < to; step += stepMillis) {
      List<TelemetryEvent> events = new ArrayList<>();
      for (int r = 0; r < RESOURCES.length; r++) {
        double[] values = new double[METRICS.length];
        long t = step + 1000L * (r + 1);
        for (int m = 0; m < METRICS.length; m++) {
          double v = clean(METRICS[m], step) + rnd.nextGaussian() * noise(METRICS[m]);
          values[m] = metricHook.apply(METRICS[m], step, Math.max(0, v));
        }
        events.add(TelemetryEvent.metric(t, "aws", "us-east-1", "payments", RESOURCES[r],
            METRICS, values));
      }
      double traffic = clean(RATE, step) / 500.0;
      addLines(events, step, Severity.INFO, INFO_LINES, poisson(8 * traffic));
      addLines(events, step, Severity.WARN, WARN_LINES, poisson(1.5 * traffic));
      double factor = step >= errorFactorFrom && step < errorFactorTo ? errorFactor : 1;
      addLines(events, step, Severity.ERROR, ERROR_LINES, poisson(1.0 * factor));
      logHook.addLogs(step, rnd, events);
      events.sort((a, b) -> Long.compare(a.timeMillis(), b.timeMillis()));
      out.addAll(events);
    }
    return out;
  }

  /** A log line of this key at a time within a step. */
  static TelemetryEvent line(long time, int severity, String message) {
    return TelemetryEvent.log(time, "aws", "us-east-1", "payments", RESOURCES[0], severity,
        message);
  }

  private void addLines(List<TelemetryEvent> out, long step, int severity, String[] formats,
      int n) {
    for (int i = 0; i < n; i++) {
      String msg = String.format(formats[rnd.nextInt(formats.length)],
          rnd.nextInt(900) + 10, rnd.nextInt(90) + 1);
      long t = step + rnd.nextInt((int) Math.min(Integer.MAX_VALUE, stepMillis));
      out.add(line(t, severity, msg));
    }
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double p = rnd.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rnd.nextDouble();
      k++;
    }
    return k;
  }
}
