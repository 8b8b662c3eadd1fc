package dev.stormwatch.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One service's metric model: requests follow the daily load curve, CPU follows requests, p99
 * latency follows CPU through a queueing curve with log-normal noise, and memory, disk and the
 * connection pool have their own slow dynamics; event {@link Drivers} perturb the causes.
 */
final class MetricSampler {
  private static final int[] DECIMALS_BY_METRIC = {3, 3, 1, 4, 1, 3, 0};
  private static final List<String> ORDER =
      List.of("cpu_util", "mem_util", "latency_p99_ms", "error_rate", "requests_per_s",
          "disk_util", "conn_pool_in_use");

  private final ServiceSpec service;
  private final SplittableRandom rng;
  private final int resources;
  private final double[] memBase;
  private final double[] diskBase;
  private final double[] capacity;
  private final int poolMax;
  private final String[] names;
  private final int[] slots;
  private final int[] decimals;

  MetricSampler(ServiceSpec service, SplittableRandom rng) {
    this.service = service;
    this.rng = rng;
    this.resources = service.resources().size();
    this.memBase = new double[resources];
    this.diskBase = new double[resources];
    this.capacity = new double[resources];
    this.poolMax = rng.nextBoolean() ? 50 : 100;
    for (int r = 0; r < resources; r++) {
      memBase[r] = 0.40 + 0.2 * rng.nextDouble();
      diskBase[r] = 0.30 + 0.25 * rng.nextDouble();
      capacity[r] = service.baseRps() / resources * (2.0 + 0.4 * rng.nextDouble());
    }
    List<String> emitted = ORDER.stream().filter(service::emits).toList();
    names = emitted.toArray(String[]::new);
    slots = emitted.stream().mapToInt(ORDER::indexOf).toArray();
    decimals = new int[slots.length];
    for (int i = 0; i < slots.length; i++) {
      decimals[i] = DECIMALS_BY_METRIC[slots[i]];
    }
  }

  /** Mean normal memory utilisation, the level a leak starts from. */
  double normalMem() {
    return mean(memBase) + 0.02;
  }

  /** Mean normal disk utilisation at minute-of-day {@code minuteOfDay}. */
  double normalDisk(int minuteOfDay) {
    return mean(diskBase) + 0.00002 * minuteOfDay;
  }

  /** Typical connection pool occupancy. */
  double normalPool() {
    return 0.35;
  }

  /** The metric values of resource {@code r} as one JSON line. */
  String sample(int r, int minute, long time, double load, Drivers d) {
    double rps = load * service.baseRps() / resources * d.rpsFactor * logNormal(0.06);
    double util = rps / (capacity[r] * d.capacityFactor);
    double cpu = clamp(0.05 + 0.8 * util + d.cpuAdd + 0.015 * rng.nextGaussian(), 0.01, 1.0);
    double queueing = 0.8 + 0.2 / (1.05 - Math.min(cpu, 1.0));
    double latency = service.baseLatencyMs() * queueing * d.latencyFactor * logNormal(0.12);
    double overload = cpu > 0.95 ? 0.02 : 0.0;
    double errors = clamp(service.baseErrorRate() * logNormal(0.35) + overload
        + d.errorAdd * (1 + 0.1 * rng.nextGaussian()), 0.0, 1.0);
    double mem = Double.isNaN(d.memLevel)
        ? memBase[r] + 0.04 * ((minute + 5 * r) % 17) / 17.0 + 0.006 * rng.nextGaussian()
        : d.memLevel + 0.005 * rng.nextGaussian();
    int minuteOfDay = Math.floorMod(minute, 1440);
    double disk = Double.isNaN(d.diskLevel)
        ? diskBase[r] + 0.00002 * minuteOfDay + 0.002 * rng.nextGaussian()
        : d.diskLevel + 0.002 * rng.nextGaussian();
    double poolShare = Double.isNaN(d.poolLevel)
        ? 0.15 + 0.45 * Math.min(util, 1.0) + 0.03 * rng.nextGaussian() : d.poolLevel;
    double[] all = {cpu, clamp(mem, 0.01, 1.0), latency, errors, rps, clamp(disk, 0.01, 1.0),
        Math.round(clamp(poolShare, 0.0, 1.0) * poolMax)};
    double[] values = new double[slots.length];
    for (int i = 0; i < slots.length; i++) {
      values[i] = all[slots[i]];
    }
    return JsonLines.metric(time, service, service.resources().get(r), names, values, decimals,
        values.length);
  }

  private double logNormal(double sigma) {
    return Math.exp(sigma * rng.nextGaussian() - sigma * sigma / 2);
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
