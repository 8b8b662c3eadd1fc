package dev.stormwatch.eval;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.AlertState;
import dev.stormwatch.alert.WindowDecision;
import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scored windows through the job's per-window decision ({@link WindowDecision}: each key's
 * Bayesian belief, then the alert hysteresis) without Flink, on maps instead of keyed state, as
 * {@link dev.stormwatch.alert.AlertLifecycle} does: warm-up windows teach the belief, live windows
 * get a posterior and may raise or resolve an alert.
 */
public final class DecisionReplay {
  /**
   * A live window, its posterior, the alert event it caused (null when none) and the early warning
   * it raised or cleared (null when none).
   */
  public record Decided(DetectionResult result, PosteriorResult posterior, AlertEvent event,
      AlertEvent warning) {
    /** Its events in the order the job emits them ({@link WindowDecision.Outcome#events}). */
    public List<AlertEvent> events() {
      return new WindowDecision.Outcome(posterior, event, warning).events();
    }
  }

  private DecisionReplay() {}

  /** The job's alert policy with its own thresholds. */
  public static AlertPolicy policy(JobConfig job) {
    return new AlertPolicy(job.alertThreshold, job.raiseAfter, job.resolveThreshold,
        job.resolveAfter, job.decidesOnPosterior());
  }

  /** Results per key in event-time order, as the alert operator sees them. */
  public static List<DetectionResult> ordered(List<DetectionResult> results) {
    List<DetectionResult> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparing(DetectionResult::key)
        .thenComparingLong((DetectionResult r) -> r.windowEnd));
    return ordered;
  }

  /**
   * Every live window of {@code ordered} (already in {@link #ordered} order) decided with {@code
   * policy} and the job's prior.
   */
  public static List<Decided> run(List<DetectionResult> ordered, JobConfig job, AlertPolicy policy) {
    WindowDecision decision = new WindowDecision(policy, PosteriorCalculator.defaults(),
        job.earlyWarningPolicy());
    BetaPrior providerPrior = BetaPrior.withMean(job.priorIncidentRate, job.priorStrength);
    Map<String, KeyBelief> beliefs = new HashMap<>();
    Map<String, AlertState> states = new HashMap<>();
    List<Decided> out = new ArrayList<>();
    for (DetectionResult r : ordered) {
      KeyBelief b = beliefs.computeIfAbsent(
          r.key(), k -> KeyBelief.forNewKey(providerPrior, job.priorStrength));
      if (!r.live) {
        decision.learnWarmup(b, r);
        continue;
      }
      WindowDecision.Outcome o = decision.decide(b, states.computeIfAbsent(r.key(), k -> new AlertState()), r);
      out.add(new Decided(r, o.posterior(), o.event(), o.warning()));
    }
    return out;
  }

  /** The alert events of {@link #run} (early warnings included), in the order they were raised. */
  public static List<AlertEvent> alerts(List<DetectionResult> ordered, JobConfig job, AlertPolicy policy) {
    List<AlertEvent> alerts = new ArrayList<>();
    for (Decided d : run(ordered, job, policy)) {
      alerts.addAll(d.events());
    }
    return alerts;
  }
}
