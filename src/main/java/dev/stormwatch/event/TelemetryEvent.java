package dev.stormwatch.event;

/**
 * One validated input record (a metric sample or a log line) of the input contract, in the compact
 * form the pipeline keys and windows.
 *
 * <p>Metric records carry parallel {@code metricNames}/{@code metricValues} arrays (finite values,
 * never empty); log records carry {@code severity} (OpenTelemetry severity number 1-24) and {@code
 * message}. Optional text fields are empty strings, never null. {@code warmup} marks history that
 * teaches baselines but never raises an alert.
 */
public record TelemetryEvent(
    Kind kind,
    long timeMillis,
    String provider,
    String region,
    String service,
    String resource,
    String[] metricNames,
    double[] metricValues,
    int severity,
    String message,
    boolean warmup) {

  /** The two record kinds of the input contract. */
  public enum Kind {
    METRIC,
    LOG
  }

  /** The keyBy key: provider and service, the per-provider view at service granularity. */
  public String key() {
    return Keys.of(provider, service);
  }

  /** A copy of this event flagged as warm-up history. */
  public TelemetryEvent asWarmup() {
    return new TelemetryEvent(
        kind, timeMillis, provider, region, service, resource, metricNames, metricValues, severity,
        message, true);
  }

  /** A metric sample. */
  public static TelemetryEvent metric(
      long timeMillis, String provider, String region, String service, String resource,
      String[] names, double[] values) {
    return new TelemetryEvent(
        Kind.METRIC, timeMillis, provider, region, service, resource, names, values, 0, "", false);
  }

  /** A log line. */
  public static TelemetryEvent log(
      long timeMillis, String provider, String region, String service, String resource,
      int severity, String message) {
    return new TelemetryEvent(
        Kind.LOG, timeMillis, provider, region, service, resource, new String[0], new double[0],
        severity, message, false);
  }
}
