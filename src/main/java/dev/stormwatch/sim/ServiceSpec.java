package dev.stormwatch.sim;

import java.util.List;

/**
 * One simulated service of one provider with its resources and behaviour parameters.
 *
 * @param provider cloud provider, e.g. {@code aws}
 * @param region the provider region the service runs in
 * @param profile which kind of service (metric set, log templates, baselines)
 * @param resources resource ids, e.g. {@code payments-53d829}
 * @param peakHourUtc hour of the daily traffic peak (follows the region's business day)
 * @param baseRps mean requests per second of the whole service at an average hour
 * @param baseLatencyMs p99 latency at low load
 * @param baseErrorRate background error rate
 */
public record ServiceSpec(
    String provider,
    String region,
    ServiceProfile profile,
    List<String> resources,
    double peakHourUtc,
    double baseRps,
    double baseLatencyMs,
    double baseErrorRate) {

  /** The service name, e.g. {@code payments}. */
  public String name() {
    return profile.name();
  }

  /** True when the service emits this metric. */
  public boolean emits(String metric) {
    return metric == null || profile.metrics().contains(metric);
  }

  /** {@code provider/service}. */
  public String key() {
    return provider + "/" + name();
  }
}
