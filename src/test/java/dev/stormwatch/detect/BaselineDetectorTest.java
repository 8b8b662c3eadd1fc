package dev.stormwatch.detect;

import static dev.stormwatch.detect.SyntheticTelemetry.CPU;
import static dev.stormwatch.detect.SyntheticTelemetry.DAY;
import static dev.stormwatch.detect.SyntheticTelemetry.HOUR;
import static dev.stormwatch.detect.SyntheticTelemetry.LATENCY;
import static dev.stormwatch.detect.SyntheticTelemetry.MINUTE;
import static dev.stormwatch.detect.SyntheticTelemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stormwatch.event.Severity;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BaselineDetectorTest {
  private static final BaselineConfig CFG = BaselineConfig.defaults();
  private static final long STEP = CFG.stepMillis;
  /** Incidents start on day 3 at 10:00 UTC, after two clean days. */
  private static final long ONSET = T0 + 2 * DAY + 10 * HOUR;

  private static TreeMap<Long, DetectionResult> run(SyntheticTelemetry data, long to) {
    return run(data, to, CFG);
  }

  private static TreeMap<Long, DetectionResult> run(
      SyntheticTelemetry data, long to, BaselineConfig cfg) {
    List<DetectionResult> results =
        OfflineDetection.run(data.generate(T0, to), cfg, new BaselineDetector(cfg));
    TreeMap<Long, DetectionResult> byEnd = new TreeMap<>();
    for (DetectionResult r : results) {
      byEnd.put(r.windowEnd, r);
    }
    return byEnd;
  }

  /** The highest-scoring window among those ending 1..steps steps after the onset step began. */
  private static DetectionResult bestWithin(TreeMap<Long, DetectionResult> r, long onset, int steps) {
    return r.subMap(onset + STEP, true, onset + steps * STEP, true).values().stream()
        .max((a, b) -> Double.compare(a.score, b.score)).orElseThrow();
  }

  private static double maxScore(TreeMap<Long, DetectionResult> r, long from, long to) {
    return r.subMap(from, true, to, true).values().stream()
        .mapToDouble(x -> x.score).max().orElseThrow();
  }

  @Test
  void cleanDataRarelyAlarmsAfterWarmUp() {
    TreeMap<Long, DetectionResult> r = run(new SyntheticTelemetry(1, STEP), T0 + 3 * DAY);
    List<DetectionResult> afterWarmUp = List.copyOf(r.tailMap(T0 + DAY, false).values());
    long above07 = afterWarmUp.stream().filter(x -> x.score > 0.7).count();
    long above05 = afterWarmUp.stream().filter(x -> x.score > 0.5).count();
    assertThat(afterWarmUp).hasSizeGreaterThan(2800);
    assertThat(above07).isLessThan(Math.round(afterWarmUp.size() * 0.002) + 1);
    assertThat(above05).isLessThanOrEqualTo(Math.round(afterWarmUp.size() * 0.01));
    assertThat(afterWarmUp).allSatisfy(x -> assertThat(x.modelVersion).isEqualTo("baseline-1"));
  }

  @Test
  void latencyLevelShiftFiresAndNamesLatency() {
    SyntheticTelemetry data = new SyntheticTelemetry(2, STEP)
        .metrics((m, t, v) -> m.equals(LATENCY) && t >= ONSET ? v * 3 : v);
    DetectionResult best = bestWithin(run(data, ONSET + 10 * MINUTE), ONSET, 3);
    assertThat(best.score).isGreaterThan(0.8);
    assertThat(best.contributorSignals[0]).isEqualTo(LATENCY);
    assertThat(best.reason).contains(LATENCY).contains("above its 10:00 baseline");
  }

  @Test
  void aRiseInDemandIsLoadButADropInDemandFires() {
    SyntheticTelemetry surge = new SyntheticTelemetry(2, STEP)
        .metrics((m, t, v) -> m.equals(SyntheticTelemetry.RATE) && t >= ONSET ? v * 1.6 : v);
    DetectionResult up = bestWithin(run(surge, ONSET + 10 * MINUTE), ONSET, 6);
    SyntheticTelemetry outage = new SyntheticTelemetry(2, STEP)
        .metrics((m, t, v) -> m.equals(SyntheticTelemetry.RATE) && t >= ONSET ? v * 0.4 : v);
    DetectionResult down = bestWithin(run(outage, ONSET + 10 * MINUTE), ONSET, 6);
    assertThat(up.score).isLessThan(0.7);
    assertThat(down.score).isGreaterThan(0.8);
    assertThat(down.contributorSignals[0]).isEqualTo(SyntheticTelemetry.RATE);
  }

  @Test
  void aResourceLevelStepIsDiscountedButASteadyDriftKeepsFullWeight() {
    BaselineConfig stepsIgnored = CFG.toBuilder().resourceRiseWeight(0.0).build();
    SyntheticTelemetry step = new SyntheticTelemetry(4, STEP)
        .metrics((m, t, v) -> m.equals(CPU) && t >= ONSET ? v + 0.3 : v);
    DetectionResult stepped = bestWithin(run(step, ONSET + 10 * MINUTE, stepsIgnored), ONSET, 3);
    SyntheticTelemetry ramp = new SyntheticTelemetry(4, STEP)
        .metrics((m, t, v) -> m.equals(CPU) && t >= ONSET ? v + 0.03 * ((t - ONSET) / STEP + 1) : v);
    DetectionResult drifted = bestWithin(run(ramp, ONSET + 12 * MINUTE, stepsIgnored), ONSET, 12);
    assertThat(stepped.score).isLessThan(0.3);
    assertThat(drifted.score).isGreaterThan(0.7);
    assertThat(drifted.reason).contains("drifting up");
  }

  @Test
  void cpuSaturationFiresAndNamesCpu() {
    SyntheticTelemetry data = new SyntheticTelemetry(3, STEP)
        .metrics((m, t, v) -> m.equals(CPU) && t >= ONSET ? 0.98 : v);
    DetectionResult best = bestWithin(run(data, ONSET + 10 * MINUTE), ONSET, 3);
    assertThat(best.score).isGreaterThan(0.8);
    assertThat(best.contributorSignals[0]).isEqualTo(CPU);
    assertThat(best.contributorWeights[0]).isGreaterThan(0.5);
  }

  @Test
  void errorBurstFiresWithErrorLinesAsEvidence() {
    SyntheticTelemetry data =
        new SyntheticTelemetry(4, STEP).errorBurst(ONSET, ONSET + HOUR, 10);
    DetectionResult best = bestWithin(run(data, ONSET + 10 * MINUTE), ONSET, 3);
    assertThat(best.score).isGreaterThan(0.8);
    assertThat(best.contributorSignals[0]).isEqualTo(BaselineDetector.ERROR_RATE);
    assertThat(best.logEvidence).isNotEmpty();
    assertThat(best.reason).contains("error logs");
  }

  @Test
  void newErrorTemplateFiresAndIsQuoted() {
    String message = "ledger write failed: checksum mismatch in block 4711";
    SyntheticTelemetry data = new SyntheticTelemetry(5, STEP).logs((step, rnd, out) -> {
      if (step >= ONSET) {
        out.add(SyntheticTelemetry.line(step + 500, Severity.ERROR, message));
      }
    });
    TreeMap<Long, DetectionResult> r = run(data, ONSET + 10 * MINUTE);
    DetectionResult best = bestWithin(r, ONSET, 3);
    assertThat(best.score).isGreaterThan(0.8);
    assertThat(best.contributorSignals[0]).isEqualTo(BaselineDetector.NEW_ERROR_TEMPLATE);
    assertThat(best.logEvidence).contains(message);
    assertThat(best.reason).contains("1 new ERROR log template");
    assertThat(r.get(ONSET + 8 * STEP).score).isLessThan(0.5);
  }

  @Test
  void newInfoTemplateDoesNotFire() {
    SyntheticTelemetry data = new SyntheticTelemetry(6, STEP).logs((step, rnd, out) -> {
      if (step >= ONSET) {
        out.add(SyntheticTelemetry.line(step + 500, Severity.INFO, "feature flag refreshed"));
      }
    });
    assertThat(maxScore(run(data, ONSET + 10 * MINUTE), ONSET, ONSET + 10 * MINUTE))
        .isLessThan(0.5);
  }

  @Test
  void singleOneStepSpikeDoesNotFire() {
    SyntheticTelemetry data = new SyntheticTelemetry(7, STEP)
        .metrics((m, t, v) -> m.equals(LATENCY) && t == ONSET ? v * 3 : v);
    TreeMap<Long, DetectionResult> r = run(data, ONSET + 15 * MINUTE);
    assertThat(maxScore(r, ONSET, ONSET + 15 * MINUTE)).isLessThan(0.5);
  }

  @Test
  void coldModelScoresZero() {
    long start = T0 + 10 * MINUTE;
    String message = "disk quota exceeded on volume 17";
    SyntheticTelemetry data = new SyntheticTelemetry(8, STEP)
        .metrics((m, t, v) -> t >= start ? v * 5 : v)
        .logs((step, rnd, out) -> {
          if (step >= start) {
            out.add(SyntheticTelemetry.line(step + 1, Severity.FATAL, message));
          }
        })
        .errorBurst(start, T0 + HOUR, 20);
    TreeMap<Long, DetectionResult> r = run(data, T0 + 25 * MINUTE);
    assertThat(r).hasSizeGreaterThan(20);
    assertThat(r.values()).allSatisfy(x -> {
      assertThat(x.score).isZero();
      assertThat(x.reason).isEqualTo("baseline still learning this key");
    });
  }

  @Test
  void seasonalityKnowsTheDailyPeak() {
    long night = T0 + 2 * DAY + 2 * HOUR;
    double peak = SyntheticTelemetry.clean(LATENCY, T0 + 14 * HOUR);
    SyntheticTelemetry data = new SyntheticTelemetry(9, STEP).metrics((m, t, v) ->
        m.equals(LATENCY) && t >= night && t < night + 20 * MINUTE
            ? peak + (v - SyntheticTelemetry.clean(LATENCY, t)) : v);
    TreeMap<Long, DetectionResult> r = run(data, T0 + 2 * DAY + 15 * HOUR);
    assertThat(bestWithin(r, night, 3).score).isGreaterThan(0.8);
    assertThat(bestWithin(r, night, 3).contributorSignals[0]).isEqualTo(LATENCY);
    long afternoon = T0 + 2 * DAY + 13 * HOUR;
    assertThat(maxScore(r, afternoon, afternoon + 2 * HOUR)).isLessThan(0.5);
  }

  @Test
  void sustainedShiftKeepsFiringAndBaselineRecovers() {
    long end = ONSET + 45 * MINUTE;
    SyntheticTelemetry data = new SyntheticTelemetry(10, STEP)
        .metrics((m, t, v) -> m.equals(LATENCY) && t >= ONSET && t < end ? v * 3 : v);
    TreeMap<Long, DetectionResult> r = run(data, end + HOUR);
    for (long t = ONSET + 3 * STEP; t <= end; t += STEP) {
      assertThat(r.get(t).score).as("window ending %d min after onset", (t - ONSET) / MINUTE)
          .isGreaterThan(0.8);
    }
    assertThat(maxScore(r, end + 15 * MINUTE, end + HOUR)).isLessThan(0.5);
  }

  @Test
  void fiveMinuteStepsWork() {
    BaselineConfig five = BaselineConfig.builder().stepMillis(5 * MINUTE).windowSteps(6).build();
    long onset = T0 + 4 * DAY + 10 * HOUR;
    SyntheticTelemetry data = new SyntheticTelemetry(11, five.stepMillis)
        .metrics((m, t, v) -> m.equals(LATENCY) && t >= onset ? v * 3 : v);
    TreeMap<Long, DetectionResult> r = run(data, onset + HOUR, five);
    long clean = r.headMap(onset, true).tailMap(T0 + 3 * DAY).values().stream()
        .filter(x -> x.score > 0.7).count();
    assertThat(clean).isZero();
    DetectionResult best = r.subMap(onset + five.stepMillis, true, onset + 3 * five.stepMillis,
        true).values().stream().max((a, b) -> Double.compare(a.score, b.score)).orElseThrow();
    assertThat(best.score).isGreaterThan(0.8);
  }
}
