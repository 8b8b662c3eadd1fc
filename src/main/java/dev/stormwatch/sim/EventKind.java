package dev.stormwatch.sim;

/** The kinds of labelled scenario events: real incidents and benign look-alikes. */
public enum EventKind {
  NETWORK_PARTITION(false, false, null),
  BAD_DEPLOY(false, false, null),
  CPU_SATURATION(false, false, null),
  MEMORY_LEAK(false, true, "mem_util"),
  DISK_FILLING(false, true, "disk_util"),
  CONN_POOL_EXHAUSTION(false, true, "conn_pool_in_use"),
  CERT_EXPIRY(false, true, null),
  LATENCY_CREEP(false, true, null),
  SCHEDULED_BATCH(true, false, null),
  TRAFFIC_SURGE(true, false, null),
  CLEAN_DEPLOY(true, false, null),
  RETRY_STORM(true, false, null);

  private final boolean benign;
  private final boolean gradual;
  private final String requiredMetric;

  EventKind(boolean benign, boolean gradual, String requiredMetric) {
    this.benign = benign;
    this.gradual = gradual;
    this.requiredMetric = requiredMetric;
  }

  /** True for a look-alike that must not alert. */
  public boolean benign() {
    return benign;
  }

  /** True for an incident with precursors well before user impact. */
  public boolean gradual() {
    return gradual;
  }

  /** The metric a service must emit for this kind to be visible, or null when any service fits. */
  public String requiredMetric() {
    return requiredMetric;
  }

  /** The label name, e.g. {@code memory_leak}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
