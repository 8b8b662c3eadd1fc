package dev.stormwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stormwatch.window.WindowAssembly;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two calibrated detectors' evidence adds up in log-odds; an abstaining one leaves the other's verdict. */
class FusedDetectorTest {

  /** Scores every window alike, or abstains, and records closing. */
  private static final class Fixed implements Detector {
    final String version;
    final double score;
    final boolean abstain;
    boolean closed;

    Fixed(String version, double score, boolean abstain) {
      this.version = version;
      this.score = score;
      this.abstain = abstain;
    }

    @Override
    public String modelVersion() {
      return version;
    }

    @Override
    public DetectionResult score(WindowAssembly w) {
      DetectionResult r = DetectionResult.forWindow(w);
      r.modelVersion = version;
      r.score = abstain ? 0 : score;
      r.abstained = abstain;
      r.scoreSpread = 0.05;
      r.contributorSignals = new String[] {version + "-signal"};
      r.contributorWeights = new double[] {1};
      r.reason = version + " says " + score;
      return r;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static final WindowAssembly WINDOW = BaselineDetectorSpreadTest.window(0, 50_000);

  @Test
  void agreeingEvidenceIsStrongerThanEitherAlone() {
    assertThat(FusedDetector.fuse(0.8, 0.8, 0.5)).isCloseTo(16.0 / 17, within(1e-9));
    assertThat(FusedDetector.fuse(0.8, 0.2, 0.5)).as("opposite evidence cancels").isCloseTo(0.5, within(1e-9));
    assertThat(FusedDetector.fuse(0.3, 0.6, 0.3)).as("a detector at its prior adds nothing")
        .isCloseTo(0.6, within(1e-9));
    assertThat(FusedDetector.fuse(1.0, 0.0, 0.5)).as("certainty is bounded, so it cannot veto")
        .isCloseTo(0.5, within(1e-9));
  }

  @Test
  void theLeadExplainsTheFusedScore() {
    Fixed hybrid = new Fixed("hybrid-v4", 0.9, false);
    Fixed gnn = new Fixed("gnn-peer", 0.7, false);
    try (FusedDetector d = new FusedDetector(hybrid, gnn, 0.3)) {
      DetectionResult r = d.scoreAll(List.of(WINDOW, WINDOW)).get(1);
      assertThat(r.score).isCloseTo(FusedDetector.fuse(0.9, 0.7, 0.3), within(1e-12)).isGreaterThan(0.9);
      assertThat(r.modelVersion).isEqualTo("hybrid-v4+gnn-peer");
      assertThat(r.contributorSignals).containsExactly("hybrid-v4-signal");
      assertThat(r.scoreSpread).isEqualTo(0.05);
      assertThat(r.reason).contains("hybrid-v4 says 0.9").contains("gnn-peer says 0.7");
      assertThat(r.windowEnd).isEqualTo(WINDOW.end);
    }
    assertThat(hybrid.closed).isTrue();
    assertThat(gnn.closed).isTrue();
  }

  @Test
  void aDetectorThatAbstainsLeavesTheOthersVerdict() {
    try (FusedDetector d = new FusedDetector(new Fixed("hybrid-v4", 0.9, true),
        new Fixed("gnn-peer", 0.7, false), 0.3)) {
      DetectionResult r = d.score(WINDOW);
      assertThat(r.abstained).isFalse();
      assertThat(r.score).isEqualTo(0.7);
      assertThat(r.modelVersion).isEqualTo("hybrid-v4+gnn-peer");
    }
    try (FusedDetector d = new FusedDetector(new Fixed("hybrid-v4", 0.9, true),
        new Fixed("gnn-peer", 0.7, true), 0.3)) {
      assertThat(d.score(WINDOW).abstained).isTrue();
    }
  }

  /** Scores the i-th window it is given with the i-th of its scores. */
  private static final class Sequence implements Detector {
    final double[] scores;
    int next;

    Sequence(double... scores) {
      this.scores = scores;
    }

    @Override
    public String modelVersion() {
      return "sequence";
    }

    @Override
    public DetectionResult score(WindowAssembly w) {
      DetectionResult r = DetectionResult.forWindow(w);
      r.score = scores[next++];
      return r;
    }
  }

  @Test
  void theTailRuleWeighsAScoreByHowRareItIsForItsDetector() {
    int n = 2_000;
    double[] eager = new double[n + 2];
    double[] calm = new double[n + 2];
    for (int i = 0; i < n; i++) {
      eager[i] = i % 2 == 0 ? 0.99 : 0.2;
      calm[i] = 0.1 + 0.3 * (i % 10) / 10.0;
    }
    eager[n] = 0.99;
    calm[n] = 0.2;
    eager[n + 1] = 0.6;
    calm[n + 1] = 0.95;
    List<WindowAssembly> windows = java.util.Collections.nCopies(n + 2, WINDOW);
    try (FusedDetector d = new FusedDetector(new Sequence(eager), new Sequence(calm),
        FusedDetector.Rule.TAIL, 0.5)) {
      List<DetectionResult> r = d.scoreAll(windows);
      assertThat(r.get(0).score).as("nothing to rank against yet").isCloseTo(0.0, within(1e-9));
      assertThat(r.get(n).score).as("the eager detector's usual 0.99 is weak evidence")
          .isLessThan(0.2);
      assertThat(r.get(n + 1).score).as("the calm detector's first 0.95 is strong evidence")
          .isGreaterThan(0.5).isGreaterThan(r.get(n).score + 0.4);
    }
  }

  @Test
  void aScoreRanksAmongTheDetectorsRecentScores() {
    ScoreTail tail = new ScoreTail(100);
    assertThat(tail.tail(0.5)).as("no history: no evidence").isEqualTo(1.0);
    for (int i = 1; i <= 100; i++) {
      tail.add(i);
    }
    assertThat(tail.tail(100)).isCloseTo(2.0 / 101, within(1e-12));
    assertThat(tail.tail(50.5)).isCloseTo(51.0 / 101, within(1e-12));
    assertThat(tail.tail(1000)).isCloseTo(1.0 / 101, within(1e-12));
    for (int i = 0; i < 100; i++) {
      tail.add(0);
    }
    assertThat(tail.tail(50.5)).as("older scores leave the history").isCloseTo(1.0 / 101, within(1e-12));
  }

  @Test
  void refusesAPriorOutsideTheOpenUnitInterval() {
    assertThatThrownBy(() -> new FusedDetector(new Fixed("a", 0, false), new Fixed("b", 0, false), 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prior");
  }
}
