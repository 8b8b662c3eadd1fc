package dev.stormwatch.eval.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.LivePeriod;
import dev.stormwatch.event.AlertEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionSweepTest {
  private static final long MIN = 60_000;
  private static final Instant T0 = Instant.parse("2026-03-03T00:00:00Z");

  /**
   * One key: 600 quiet warm-up windows, then 300 live windows with a labelled incident scoring
   * 0.95 (windows 100-129) and a lone benign bump scoring 0.75 (windows 200-204).
   */
  private static List<DetectionResult> windows() {
    List<DetectionResult> out = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      DetectionResult r = new DetectionResult();
      r.provider = "aws";
      r.service = "payments";
      r.modelVersion = "test-1";
      r.windowEnd = T0.toEpochMilli() + (i - 600) * MIN;
      r.windowStart = r.windowEnd - 10 * MIN;
      r.live = i >= 600;
      int live = i - 600;
      r.score = live >= 100 && live < 130 ? 0.95 : live >= 200 && live < 205 ? 0.75 : 0.02 + 0.01 * (i % 5);
      out.add(r);
    }
    return out;
  }

  private static DecisionSweep sweep() {
    Label incident = new Label("i1", "aws", "payments", "latency", T0.plusSeconds(95 * 60),
        T0.plusSeconds(100 * 60), T0.plusSeconds(130 * 60));
    return new DecisionSweep(new JobConfig(), List.of(incident), List.of(),
        new LivePeriod(T0, T0.plusSeconds(300 * 60), 12));
  }

  @Test
  void scoreRuleFiresOnTheBumpThatThePosteriorOfAQuietKeyAlsoWeighs() {
    List<DetectionResult> ordered = DecisionSweep.ordered(windows());
    List<AlertEvent> byScore = sweep().alerts(ordered, DecisionSweep.SCORE, 0.7);
    assertThat(byScore.stream().filter(a -> a.status().equals(AlertEvent.FIRING))).hasSize(2);
    assertThat(byScore.get(0).status()).isEqualTo(AlertEvent.FIRING);
    assertThat(byScore.get(1).status()).isEqualTo(AlertEvent.RESOLVED);
    assertThat(sweep().alerts(ordered, DecisionSweep.SCORE, 0.97)).isEmpty();
  }

  @Test
  void sweepScoresEachThresholdAndRule() {
    List<OperatingPoint> points = sweep().sweep("test", windows(), new double[] {0.5, 0.7, 0.8, 0.97});
    assertThat(points).hasSize(8);
    OperatingPoint at07 = points.stream()
        .filter(p -> p.mode().equals(DecisionSweep.SCORE) && p.threshold() == 0.7).findFirst().orElseThrow();
    assertThat(at07.detected()).isEqualTo(1);
    assertThat(at07.falseAlarms()).isEqualTo(1);
    OperatingPoint at08 = points.stream()
        .filter(p -> p.mode().equals(DecisionSweep.SCORE) && p.threshold() == 0.8).findFirst().orElseThrow();
    assertThat(at08.detected()).isEqualTo(1);
    assertThat(at08.falseAlarms()).isZero();
    OperatingPoint at097 = points.stream()
        .filter(p -> p.mode().equals(DecisionSweep.SCORE) && p.threshold() == 0.97).findFirst().orElseThrow();
    assertThat(at097.detected()).isZero();
  }

  @Test
  void equalRecallTakesTheFewestFalseAlarmsAtTheRecallBothRulesReach() {
    List<OperatingPoint> points = List.of(
        point(DecisionSweep.SCORE, 0.6, 9, 12), point(DecisionSweep.SCORE, 0.8, 9, 5),
        point(DecisionSweep.SCORE, 0.9, 7, 1),
        point(DecisionSweep.POSTERIOR, 0.3, 8, 2), point(DecisionSweep.POSTERIOR, 0.5, 8, 2),
        point(DecisionSweep.POSTERIOR, 0.7, 6, 0));
    EqualRecall.Row row = EqualRecall.rows(points).get(0);
    assertThat(row.detected()).isEqualTo(8);
    assertThat(row.score().threshold()).isEqualTo(0.8);
    assertThat(row.posterior().threshold()).isEqualTo(0.5);
    assertThat(row.falseAlarmsSaved()).isEqualTo(3);
  }

  @Test
  void budgetsTakeTheMostFoundWithinEachFalseAlarmCountOverBothRules() {
    List<OperatingPoint> points = List.of(
        point(DecisionSweep.SCORE, 0.6, 9, 250), point(DecisionSweep.SCORE, 0.8, 7, 60),
        point(DecisionSweep.SCORE, 0.9, 3, 12),
        point(DecisionSweep.POSTERIOR, 0.3, 9, 180), point(DecisionSweep.POSTERIOR, 0.7, 4, 20));
    FalseAlarmBudgets.Row row = FalseAlarmBudgets.rows(points).get(0);
    assertThat(FalseAlarmBudgets.BUDGETS).containsExactly(10, 20, 50, 100, 200);
    assertThat(row.found()).containsExactly(0, 4, 4, 7, 9);
    assertThat(row.most()).isEqualTo(9);
    assertThat(row.falseAlarmsAtMost()).isEqualTo(180);
    assertThat(row.incidents()).isEqualTo(9);
  }

  @Test
  void pageBudgetsCountIncidentsPagedForAgainstFalsePages() {
    List<OperatingPoint> points = List.of(
        new OperatingPoint("d", DecisionSweep.SCORE, 0.6, 9, 9, 250, 0, 250, null, null, 6, 40),
        new OperatingPoint("d", DecisionSweep.SCORE, 0.9, 3, 9, 12, 0, 12, null, null, 2, 4));
    FalseAlarmBudgets.Row row = FalseAlarmBudgets.pageRows(points).get(0);
    assertThat(FalseAlarmBudgets.PAGE_BUDGETS).containsExactly(2, 5, 10, 20, 50);
    assertThat(row.found()).containsExactly(0, 2, 2, 2, 6);
    assertThat(row.most()).isEqualTo(6);
    assertThat(row.falseAlarmsAtMost()).isEqualTo(40);
  }

  @Test
  void thresholdRangesAreValidated() {
    assertThat(DecisionCommand.range("0.5:0.7:0.1")).containsExactly(0.5, 0.6, 0.7);
    assertThatThrownBy(() -> DecisionCommand.range("0.5:1.2:0.1")).hasMessageContaining("0 < from");
    assertThatThrownBy(() -> DecisionCommand.range("0.5:0.7")).hasMessageContaining("from:to:step");
  }

  @Test
  void peerNetworksNeedAWarmUpToTrainOnAndValidOptions() {
    assertThatThrownBy(() -> DecisionCommand.parse(new String[] {"--input", "x", "--incidents", "y",
        "--out", "z", "--peer-channels", "0"})).hasMessageContaining("--peer-channels must be");
    DecisionCommand.Options o = DecisionCommand.parse(new String[] {"--input",
        "datasets/demo/live.jsonl.gz", "--incidents", "datasets/demo/incidents.json", "--out",
        "target/decision-peer-refused", "--detectors", "gnn", "--peer-channels", "4"});
    assertThat(o.peerChannels()).isEqualTo(4);
    assertThat(o.seed()).isEqualTo(42);
    assertThatThrownBy(() -> DecisionCommand.evaluate(o, new dev.stormwatch.config.JobConfig()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the gnn peer trains on the warm-up history");
  }

  @Test
  void scoresFlagWritesEveryScoredWindowOfEachDetector(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
      throws Exception {
    DecisionCommand.Options o = DecisionCommand.parse(new String[] {"--warmup",
        "datasets/demo/history.jsonl.gz", "--input", "datasets/demo/live.jsonl.gz", "--incidents",
        "datasets/demo/incidents.json", "--out", out.toString(), "--detectors", "baseline",
        "--thresholds", "0.7:0.7:0.1", "--scores"});
    assertThat(o.scores()).isTrue();
    dev.stormwatch.config.JobConfig job = new dev.stormwatch.config.JobConfig();
    DecisionCommand.Result result = DecisionCommand.evaluate(o, job);
    assertThat(DecisionReport.text(result, job)).contains("Within false-alarm budgets")
        .containsPattern("baseline +\\d+ +\\d+ +\\d+ +\\d+ +\\d+  \\d+/\\d+ \\(\\d+\\)");
    assertThat(DecisionReport.text(result, job)).contains("Within false-page budgets");
    FalseAlarmBudgets.Row pages = result.pageBudgets().get(0);
    // the demo's default alerts page for most of its 9 incidents, and grouping saves false pages
    OperatingPoint p = result.defaults().get(0);
    assertThat(p.paged()).isBetween(5, 9);
    assertThat(p.falsePages()).isLessThanOrEqualTo(p.falseAlarms());
    assertThat(pages.most()).isGreaterThanOrEqualTo(p.paged());
    java.util.List<String> lines = java.nio.file.Files.readAllLines(WindowScores.file(out, "baseline"));
    assertThat(lines.get(0)).isEqualTo(WindowScores.HEADER);
    java.util.List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    assertThat(rows).hasSizeGreaterThan(1000).allMatch(r -> r.length == 8
        && Double.parseDouble(r[4]) >= 0 && Double.parseDouble(r[4]) <= 1);
    assertThat(rows).anyMatch(r -> r[3].equals("true")).anyMatch(r -> r[3].equals("false"));
    // azure/auth's incident (00:49-01:16) scores high on its own key
    assertThat(rows).anyMatch(r -> r[1].equals("azure") && r[2].equals("auth") && r[3].equals("true")
        && r[0].compareTo("2026-03-03T00:49") > 0 && r[0].compareTo("2026-03-03T01:16") < 0
        && Double.parseDouble(r[4]) >= 0.7);
    assertThat(DecisionCommand.parse(new String[] {"--input", "x", "--incidents", "y", "--out", "z"})
        .scores()).isFalse();
  }

  private static OperatingPoint point(String mode, double threshold, int detected, int falseAlarms) {
    return new OperatingPoint("d", mode, threshold, detected, 9, falseAlarms, 0, falseAlarms, null, null,
        detected, falseAlarms);
  }
}
