package dev.stormwatch.eval.decision;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.eval.AlertEpisodes;
import dev.stormwatch.eval.DecisionReplay;
import dev.stormwatch.eval.Label;
import dev.stormwatch.eval.LivePeriod;
import dev.stormwatch.eval.ScenarioEvaluator;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one detector's scored windows through the job's per-window decision ({@link
 * DecisionReplay}: Bayesian belief and alert hysteresis) at many raise thresholds, once deciding
 * on the raw score and once on the posterior, and scores each run on the scenario's labels.
 */
public final class DecisionSweep {
  /** Thresholds apply to the raw detector score. */
  public static final String SCORE = "score";
  /** Thresholds apply to the Bayesian posterior. */
  public static final String POSTERIOR = "posterior";

  private final JobConfig job;
  private final List<Label> incidents;
  private final List<Label> benign;
  private final LivePeriod live;
  private final ScenarioEvaluator evaluator = new ScenarioEvaluator();
  private final PageReplay pages;

  /** A sweep with the hysteresis and prior of {@code job}, scored against the given labels. */
  public DecisionSweep(JobConfig job, List<Label> incidents, List<Label> benign, LivePeriod live) {
    this.job = job;
    this.incidents = incidents;
    this.benign = benign;
    this.live = live;
    this.pages = new PageReplay(job.routing, ScenarioEvaluator.DEFAULT_GRACE);
  }

  /** Every (mode, threshold) operating point of {@code detector}'s results. */
  public List<OperatingPoint> sweep(String detector, List<DetectionResult> results, double[] thresholds) {
    List<DetectionResult> ordered = ordered(results);
    List<OperatingPoint> points = new ArrayList<>();
    for (String mode : List.of(SCORE, POSTERIOR)) {
      for (double t : thresholds) {
        points.add(point(detector, mode, t, alerts(ordered, mode, t)));
      }
    }
    return points;
  }

  /** The alerts the job would raise from {@code ordered} deciding on {@code mode} at {@code threshold}. */
  public List<AlertEvent> alerts(List<DetectionResult> ordered, String mode, double threshold) {
    AlertPolicy policy = new AlertPolicy(threshold, job.raiseAfter,
        Math.min(job.resolveThreshold, threshold), job.resolveAfter, POSTERIOR.equals(mode));
    return DecisionReplay.alerts(ordered, job, policy);
  }

  /** Results per key in event-time order, as the alert operator sees them. */
  public static List<DetectionResult> ordered(List<DetectionResult> results) {
    return DecisionReplay.ordered(results);
  }

  private OperatingPoint point(String detector, String mode, double threshold, List<AlertEvent> alerts) {
    ScenarioReport r = evaluator.evaluate(incidents, benign, AlertEpisodes.episodesOf(alerts),
        live.start(), live.end(), live.services());
    PageReplay.Score paged = pages.score(alerts, incidents);
    return new OperatingPoint(detector, mode, threshold, r.detected(), r.incidents(), r.falseAlarms(),
        r.benignAlerts(), r.falseAlarmsPerDayPer12Services() == null ? 0 : r.falseAlarmsPerDayPer12Services(),
        r.f1(), r.detectionDelayMedianS(), paged.paged(), paged.falsePages());
  }
}
