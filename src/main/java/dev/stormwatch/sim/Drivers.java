package dev.stormwatch.sim;

/**
 * The causes behind one service-minute's metrics, which active events perturb: load and capacity
 * first, so the derived metrics (CPU from requests, latency from CPU) stay correlated.
 */
public final class Drivers {
  /** Multiplier on request rate. */
  double rpsFactor = 1.0;
  /** Multiplier on serving capacity per resource (autoscaling adds replicas under a surge). */
  double capacityFactor = 1.0;
  /** Extra CPU utilisation not caused by requests (runaway work, batch jobs). */
  double cpuAdd;
  /** Multiplier on latency on top of the queueing effect of CPU. */
  double latencyFactor = 1.0;
  /** Extra error rate. */
  double errorAdd;
  /** Memory utilisation override in [0, 1], NaN for the normal level. */
  double memLevel = Double.NaN;
  /** Disk utilisation override in [0, 1], NaN for the normal level. */
  double diskLevel = Double.NaN;
  /** Connection pool occupancy override in [0, 1], NaN for the normal level. */
  double poolLevel = Double.NaN;
  /** Index of a resource that is restarting and reports nothing this minute, or -1. */
  int silentResource = -1;

  /** Resets to a quiet minute. */
  void reset() {
    rpsFactor = 1.0;
    capacityFactor = 1.0;
    cpuAdd = 0;
    latencyFactor = 1.0;
    errorAdd = 0;
    memLevel = Double.NaN;
    diskLevel = Double.NaN;
    poolLevel = Double.NaN;
    silentResource = -1;
  }
}
