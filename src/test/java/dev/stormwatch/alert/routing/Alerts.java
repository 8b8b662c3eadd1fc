package dev.stormwatch.alert.routing;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.event.AlertEvent;
import java.time.Instant;
import java.util.List;

/** Builds lifecycle alert events for the routing tests. */
final class Alerts {
  static final long MIN = 60_000L;
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private Alerts() {}

  static long at(int minute) {
    return START.toEpochMilli() + minute * MIN;
  }

  static AlertEvent firing(String provider, String service, int minute) {
    return firing(provider, service, minute, "error");
  }

  static AlertEvent firing(String provider, String service, int minute, String severity) {
    return event(provider, service, minute, AlertEvent.FIRING, severity, minute);
  }

  /** An early warning (Slack heads-up) raised at {@code minute}. */
  static AlertEvent earlyWarning(String provider, String service, int minute) {
    return event(provider, service, minute, AlertEvent.EARLY_WARNING, "info", minute);
  }

  /** The clearing, at {@code minute}, of the early warning raised at {@code raisedMinute}. */
  static AlertEvent earlyWarningCleared(String provider, String service, int raisedMinute, int minute) {
    return event(provider, service, minute, AlertEvent.EARLY_WARNING_CLEARED, "info", raisedMinute);
  }

  /** The resolve of the alert that fired at {@code firedMinute}. */
  static AlertEvent resolved(String provider, String service, int firedMinute, int minute) {
    return event(provider, service, minute, AlertEvent.RESOLVED, "error", firedMinute);
  }

  private static AlertEvent event(String provider, String service, int minute, String status,
      String severity, int firedMinute) {
    return new AlertEvent("id-" + service + "-" + firedMinute, AlertPolicy.dedupKey(provider, service, "baseline-1"),
        status, severity, provider, "r-" + service, service, Instant.ofEpochMilli(at(minute)).toString(),
        Instant.now().toString(), 0.9, 0.95, 0.02, "baseline-1", "Anomaly on " + provider + "/" + service,
        List.of(new AlertEvent.Contributor("latency_p99_ms", service.length() / 10.0),
            new AlertEvent.Contributor(service + "_errors", 0.3)),
        List.of("ERROR upstream connect error on " + service));
  }
}
