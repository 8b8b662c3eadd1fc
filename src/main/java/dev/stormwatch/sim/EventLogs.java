package dev.stormwatch.sim;

import java.util.SplittableRandom;

/**
 * The log lines each kind of event adds to its service: WARN precursors for gradual incidents, new
 * ERROR templates once users are hit, and harmless INFO/WARN chatter for the look-alikes.
 */
final class EventLogs {
  /** Receives one log line. */
  interface Sink {
    void add(String severity, String message);
  }

  private final SplittableRandom rng;

  EventLogs(SplittableRandom rng) {
    this.rng = rng;
  }

  /** Emits the lines {@code event} causes in minute {@code m}. */
  void emit(ScenarioEvent e, int m, Sink sink) {
    String svc = e.service().name();
    String dep = e.service().profile().dependency();
    double build = e.buildUp(m);
    boolean impact = e.impacting(m);
    boolean first = m == e.startMinute();
    boolean last = m == e.endMinute() - 1;
    switch (e.kind()) {
      case NETWORK_PARTITION:
        repeat(5, sink, "ERROR", "upstream connect error or disconnect/reset before headers. "
            + "reset reason: connection timeout, upstream {ip}:8443");
        repeat(2, sink, "ERROR", "dial tcp {ip}:5432: i/o timeout");
        repeat(0.5, sink, "WARN", "circuit breaker OPEN for " + dep);
        break;
      case BAD_DEPLOY:
        once(first, sink, "INFO", "deploying " + svc + " version v4." + (10 + rng.nextInt(30))
            + ".0 to all replicas");
        repeat(impact ? 4 : 1, sink, "ERROR", "java.lang.NullPointerException: Cannot invoke "
            + "\"String.length()\" because \"key\" is null at dev.shop." + svc
            + ".RequestHandler.handle(RequestHandler.java:{n})");
        once(last, sink, "INFO", "rollback of " + svc + " to previous revision completed");
        break;
      case CPU_SATURATION:
        repeat(0.5, sink, "WARN", "request {req} took " + (2000 + rng.nextInt(4000))
            + "ms (worker pool saturated)");
        break;
      case MEMORY_LEAK:
        repeat(build > 0.4 ? 2 * build * build : 0, sink, "WARN", "GC pause " + (200 + (int) (900 * build))
            + "ms, heap " + (int) (80 + 19 * build) + "% used after collection");
        repeat(impact ? 3 : 0, sink, "ERROR", "java.lang.OutOfMemoryError: Java heap space");
        repeat(impact ? 0.5 : 0, sink, "WARN", "container " + svc + " restarted: OOMKilled");
        break;
      case DISK_FILLING:
        repeat(build > 0.6 ? 0.5 : 0, sink, "WARN", "disk usage " + (int) (70 + 29 * build)
            + "% on /var/lib/" + svc);
        repeat(impact ? 3 : 0, sink, "ERROR", "write failed: No space left on device (/var/lib/"
            + svc + "/wal/{id})");
        break;
      case CONN_POOL_EXHAUSTION:
        repeat(build > 0.5 ? 1.5 * build : 0, sink, "WARN", "pool 'db-main' near capacity: active="
            + (int) (40 + 10 * build) + "/50, waiting=" + (int) (20 * build));
        repeat(impact ? 4 : 0, sink, "ERROR",
            "Timeout after 30000ms waiting for a connection from pool 'db-main'");
        break;
      case CERT_EXPIRY:
        repeat(impact ? 0 : 0.3 + 1.2 * build, sink, "WARN", "TLS certificate CN=api." + svc
            + ".internal expires in " + Math.max(1, e.impactMinute() - m) + "m (serial {id})");
        repeat(impact ? 5 : 0, sink, "ERROR",
            "TLS handshake failed with {ip}: x509: certificate has expired or is not yet valid");
        break;
      case LATENCY_CREEP:
        repeat(build > 0.7 ? 0.5 : 0, sink, "WARN", "slow query on " + dep + ": "
            + (500 + (int) (2500 * build)) + "ms");
        repeat(impact ? 0.5 : 0, sink, "ERROR", "request {req} exceeded SLO deadline 2000ms");
        break;
      case SCHEDULED_BATCH:
        once(first, sink, "INFO", "batch job nightly-reconcile started partitions=8");
        repeat(0.3, sink, "INFO", "batch job nightly-reconcile progress "
            + (int) (100 * e.progress(m)) + "%");
        once(last, sink, "INFO", "batch job nightly-reconcile completed in "
            + (e.endMinute() - e.startMinute()) + "m");
        break;
      case TRAFFIC_SURGE:
        once(first || m == (e.startMinute() + e.endMinute()) / 2, sink, "INFO", "autoscaler: scaling "
            + svc + " to " + (4 + rng.nextInt(4)) + " replicas (cpu target 60%)");
        break;
      case CLEAN_DEPLOY:
        once(first, sink, "INFO", "deploying " + svc + " version v4." + (10 + rng.nextInt(30))
            + ".1 (rolling, maxUnavailable=1)");
        once((m - e.startMinute()) % 3 == 2, sink, "INFO", "Started " + svc + " in "
            + (6 + rng.nextInt(6)) + ".4 seconds; readiness probe succeeded");
        once(last, sink, "INFO", "rollout of " + svc + " complete");
        break;
      case RETRY_STORM:
        repeat(8, sink, "WARN", "retrying call to " + dep
            + " (attempt 2/3) after 200ms: 503 Service Unavailable");
        repeat(6, sink, "INFO", "call to " + dep + " succeeded after 2 attempts");
        break;
      default:
        throw new IllegalStateException("no logs for " + e.kind());
    }
  }

  private void once(boolean when, Sink sink, String severity, String template) {
    if (when) {
      sink.add(severity, LogTemplateFiller.fill(template, rng));
    }
  }

  private void repeat(double rate, Sink sink, String severity, String template) {
    int n = Poisson.draw(rate, rng);
    for (int i = 0; i < n; i++) {
      sink.add(severity, LogTemplateFiller.fill(template, rng));
    }
  }
}
