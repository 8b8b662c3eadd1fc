package dev.stormwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {
  private static final long MIN = 60_000L;
  private final AlertPolicy policy = new AlertPolicy(0.7, 2, 0.5, 3);

  private static DetectionResult result(long minute, double score) {
    DetectionResult r = new DetectionResult();
    r.provider = "aws";
    r.service = "payments";
    r.region = "us-east-1";
    r.windowEnd = minute * MIN;
    r.windowStart = r.windowEnd - 10 * MIN;
    r.score = score;
    r.modelVersion = "baseline-1";
    r.reason = "latency_p99_ms 9.0 sigma above baseline";
    r.contributorSignals = new String[] {"latency_p99_ms"};
    r.contributorWeights = new double[] {1.0};
    return r;
  }

  private List<AlertEvent> run(AlertState s, double... scores) {
    List<AlertEvent> events = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      AlertEvent e = policy.advance(s, result(i + 1, scores[i]));
      if (e != null) {
        events.add(e);
      }
    }
    return events;
  }

  @Test
  void firesAfterConsecutiveWindowsAndResolvesAfterCalmOnes() {
    AlertState s = new AlertState();
    List<AlertEvent> events = run(s, 0.1, 0.8, 0.9, 0.96, 0.3, 0.2, 0.1);
    assertThat(events).extracting(AlertEvent::status).containsExactly("firing", "resolved");
    AlertEvent fire = events.get(0);
    assertThat(fire.eventTime()).isEqualTo("1970-01-01T00:03:00Z");
    assertThat(fire.severity()).isEqualTo("error");
    assertThat(fire.contributors()).extracting(AlertEvent.Contributor::signal).containsExactly("latency_p99_ms");
    assertThat(events.get(1).eventTime()).isEqualTo("1970-01-01T00:07:00Z");
    assertThat(events.get(1).alertId()).isEqualTo(fire.alertId());
    assertThat(events.get(1).dedupKey()).isEqualTo(fire.dedupKey());
    assertThat(s.isIdle()).isTrue();
  }

  @Test
  void singleSpikeDoesNotFire() {
    assertThat(run(new AlertState(), 0.1, 0.99, 0.1, 0.99, 0.1)).isEmpty();
  }

  @Test
  void flappingSignalStaysOneAlert() {
    AlertState s = new AlertState();
    List<AlertEvent> events = run(s, 0.9, 0.9, 0.3, 0.9, 0.2, 0.8, 0.4, 0.9, 0.1, 0.1, 0.1);
    assertThat(events).extracting(AlertEvent::status).containsExactly("firing", "resolved");
  }

  @Test
  void scoresBetweenThresholdsNeitherFireNorResolve() {
    AlertState s = new AlertState();
    List<AlertEvent> events = run(s, 0.9, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6);
    assertThat(events).extracting(AlertEvent::status).containsExactly("firing");
    assertThat(s.firing).isTrue();
  }

  @Test
  void replayedOrOldWindowsAreIgnored() {
    AlertState s = new AlertState();
    assertThat(policy.advance(s, result(5, 0.9))).isNull();
    assertThat(policy.advance(s, result(5, 0.9))).isNull();
    assertThat(policy.advance(s, result(4, 0.9))).isNull();
    assertThat(policy.advance(s, result(6, 0.9))).isNotNull();
  }

  @Test
  void dedupKeyIsStablePerProviderServiceAndDetectorFamily() {
    String a = AlertPolicy.dedupKey("aws", "payments", "baseline-1");
    assertThat(a).isEqualTo(AlertPolicy.dedupKey("aws", "payments", "baseline-2"));
    assertThat(a).isNotEqualTo(AlertPolicy.dedupKey("aws", "checkout", "baseline-1"));
    assertThat(a).isNotEqualTo(AlertPolicy.dedupKey("gcp", "payments", "baseline-1"));
    assertThat(a.length()).isLessThanOrEqualTo(255);
  }

  @Test
  void severityFollowsScore() {
    assertThat(AlertPolicy.severity(0.97)).isEqualTo("critical");
    assertThat(AlertPolicy.severity(0.9)).isEqualTo("error");
    assertThat(AlertPolicy.severity(0.75)).isEqualTo("warning");
  }
}
