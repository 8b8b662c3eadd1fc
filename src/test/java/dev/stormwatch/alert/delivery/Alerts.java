package dev.stormwatch.alert.delivery;

import dev.stormwatch.event.AlertEvent;
import java.util.List;

/** Alert events for the delivery tests. */
final class Alerts {
  private Alerts() {}

  static AlertEvent firing(String severity, String summary) {
    return new AlertEvent("a-1", "stormwatch-0123456789abcdef0123456789abcdef", AlertEvent.FIRING, severity,
        "aws", "us-east-1", "payments", "2026-03-03T00:10:00Z", "2026-03-03T00:10:02Z", 0.93, 0.97, 0.05,
        "baseline-1", summary,
        List.of(new AlertEvent.Contributor("latency_p99_ms", 0.41), new AlertEvent.Contributor("error_rate", 0.22)),
        List.of("upstream connect error <*> to 10.0.0.1", "circuit breaker open for db"));
  }

  static AlertEvent resolved(AlertEvent firing) {
    return new AlertEvent(firing.alertId(), firing.dedupKey(), AlertEvent.RESOLVED, firing.severity(),
        firing.provider(), firing.region(), firing.service(), "2026-03-03T00:40:00Z", "2026-03-03T00:40:01Z",
        0.12, 0.03, 0.0, firing.modelVersion(), "Recovered on aws/payments after 30 min (peak score 0.97)",
        firing.contributors(), firing.logEvidence());
  }
}
