package dev.stormwatch.eval.calibration;

import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.AlertState;
import dev.stormwatch.alert.WindowDecision;
import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the job's Bayesian layer over scored windows without Flink: per key, windows in event-time
 * order through the same {@link WindowDecision} step as {@link
 * dev.stormwatch.alert.AlertLifecycle}, with the job's alert policy and prior.
 */
public final class PosteriorReplay {
  /** A live window's result and the posterior the job would have given it. */
  public record Evaluated(DetectionResult result, double posterior) {}

  private final JobConfig job;

  public PosteriorReplay(JobConfig job) {
    this.job = job;
  }

  /** The posterior of every live window of {@code results}, ordered by key then window end. */
  public List<Evaluated> run(List<DetectionResult> results) {
    List<DetectionResult> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparing(DetectionResult::key)
        .thenComparingLong((DetectionResult r) -> r.windowEnd));
    WindowDecision decision = new WindowDecision(new AlertPolicy(job.alertThreshold, job.raiseAfter,
        job.resolveThreshold, job.resolveAfter, job.decidesOnPosterior()), PosteriorCalculator.defaults());
    BetaPrior providerPrior = BetaPrior.withMean(job.priorIncidentRate, job.priorStrength);
    Map<String, KeyBelief> beliefs = new HashMap<>();
    Map<String, AlertState> states = new HashMap<>();
    List<Evaluated> out = new ArrayList<>();
    for (DetectionResult r : ordered) {
      KeyBelief b = beliefs.computeIfAbsent(
          r.key(), k -> KeyBelief.forNewKey(providerPrior, job.priorStrength));
      if (!r.live) {
        decision.learnWarmup(b, r);
        continue;
      }
      AlertState s = states.computeIfAbsent(r.key(), k -> new AlertState());
      out.add(new Evaluated(r, decision.decide(b, s, r).posterior().posterior()));
    }
    return out;
  }
}
