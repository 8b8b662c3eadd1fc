package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A window counts only as far as both detectors agree; explanations come from the primary first. */
class ConfirmingDetectorTest {

  /** Scores every window with a fixed score and optional contributors, and records closing. */
  private static class Fixed implements Detector {
    final String version;
    final double score;
    final String[] signals;
    final String[] evidence;
    boolean closed;

    Fixed(String version, double score, String[] signals, String... evidence) {
      this.version = version;
      this.score = score;
      this.signals = signals;
      this.evidence = evidence;
    }

    @Override
    public String modelVersion() {
      return version;
    }

    @Override
    public DetectionResult score(WindowAssembly w) {
      DetectionResult r = DetectionResult.forWindow(w);
      r.modelVersion = version;
      r.score = score;
      r.scoreSpread = score / 10;
      r.contributorSignals = signals;
      r.contributorWeights = new double[signals.length];
      r.logEvidence = evidence;
      r.reason = version + " says " + score;
      return r;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<WindowAssembly> windows(int n) {
    List<WindowAssembly> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(BaselineDetectorSpreadTest.window(i, 50_000));
    }
    return out;
  }

  @Test
  void theSmallerScoreCountsSoAnAlertNeedsBoth() {
    Fixed eager = new Fixed("hybrid-v3", 0.97, new String[] {"log:templates"}, "dial tcp: i/o timeout");
    Fixed calm = new Fixed("baseline-1", 0.2, new String[] {"latency_p99_ms"});
    try (ConfirmingDetector d = new ConfirmingDetector(eager, calm)) {
      List<DetectionResult> results = d.scoreAll(windows(3));
      assertThat(results).hasSize(3).allSatisfy(r -> {
        assertThat(r.score).isEqualTo(0.2);
        assertThat(r.earlyScore).as("the model's own score, for early warnings").isEqualTo(0.97);
        assertThat(r.modelVersion).isEqualTo("hybrid-v3+baseline-1");
        assertThat(r.contributorSignals).containsExactly("log:templates");
        assertThat(r.logEvidence).containsExactly("dial tcp: i/o timeout");
        assertThat(r.scoreSpread).isEqualTo(0.097);
        assertThat(r.reason).startsWith("hybrid-v3 0.97, baseline-1 0.20").contains("baseline-1 says 0.2");
      });
      assertThat(results.get(2).windowEnd).isEqualTo(windows(3).get(2).end);
    }
    assertThat(eager.closed).isTrue();
    assertThat(calm.closed).isTrue();
  }

  @Test
  void theConfirmerExplainsWhenThePrimaryNamesNoSignal() {
    Fixed quiet = new Fixed("hybrid-v3", 0.4, new String[0]);
    Fixed sure = new Fixed("baseline-1", 0.9, new String[] {"latency_p99_ms"}, "timeout");
    try (ConfirmingDetector d = new ConfirmingDetector(quiet, sure)) {
      DetectionResult r = d.score(windows(1).get(0));
      assertThat(r.score).isEqualTo(0.4);
      assertThat(r.contributorSignals).containsExactly("latency_p99_ms");
      assertThat(r.logEvidence).containsExactly("timeout");
    }
  }

  @Test
  void bothAgreeingOnAnAnomalyKeepsItAndTheRealBaselineConfirmsADeviation() {
    BaselineDetector baseline = new BaselineDetector(BaselineConfig.defaults());
    double alone = baseline.score(BaselineDetectorSpreadTest.window(6, 50_000)).score;
    Fixed eager = new Fixed("hybrid-v3", 0.99, new String[] {"latency_p99_ms"});
    try (ConfirmingDetector d = new ConfirmingDetector(eager, new BaselineDetector(BaselineConfig.defaults()))) {
      assertThat(d.score(BaselineDetectorSpreadTest.window(6, 50_000)).score).isEqualTo(alone).isGreaterThan(0.7);
      assertThat(d.score(BaselineDetectorSpreadTest.window(0, 50_000)).score).isLessThan(0.5);
    }
  }

  @Test
  void whereThePrimaryAbstainsTheConfirmerDecidesAlone() {
    Detector abstaining = new Fixed("hybrid-v3", 0.0, new String[0]) {
      @Override
      public DetectionResult score(WindowAssembly w) {
        DetectionResult r = super.score(w);
        r.abstained = true;
        r.reason = "no model channel has a mature baseline yet; not scored";
        return r;
      }
    };
    Fixed sure = new Fixed("baseline-1", 0.9, new String[] {"latency_p99_ms"});
    try (ConfirmingDetector d = new ConfirmingDetector(abstaining, sure)) {
      DetectionResult r = d.score(windows(1).get(0));
      assertThat(r.score).isEqualTo(0.9);
      assertThat(r.earlyScore).as("no early warning from a model that abstained").isNaN();
      assertThat(r.abstained).isFalse();
      assertThat(r.modelVersion).isEqualTo("hybrid-v3+baseline-1");
      assertThat(r.contributorSignals).containsExactly("latency_p99_ms");
      assertThat(r.reason).startsWith("baseline-1 alone (hybrid-v3: no model channel");
    }
  }
}
