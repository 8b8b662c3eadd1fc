package dev.stormwatch.eval.calibration;

import dev.stormwatch.alert.AlertLifecycle;
import dev.stormwatch.alert.AlertPolicy;
import dev.stormwatch.alert.AlertState;
import dev.stormwatch.alert.bayes.BetaPrior;
import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the job's Bayesian layer over scored windows without Flink, mirroring {@link
 * AlertLifecycle#onTimer}: per key, windows in event-time order; warm-up windows teach the key's
 * {@link KeyBelief}; live windows are evaluated, then (when calm and no alert fires) also teach it;
 * the {@link AlertPolicy} of the job tracks whether an alert fires. Keep in step with AlertLifecycle.
 */
public final class PosteriorReplay {
  /** A live window's result and the posterior the job would have given it. */
  public record Evaluated(DetectionResult result, double posterior) {}

  private final JobConfig job;
  private final PosteriorCalculator calculator = PosteriorCalculator.defaults();

  public PosteriorReplay(JobConfig job) {
    this.job = job;
  }

  /** The posterior of every live window of {@code results}, ordered by key then window end. */
  public List<Evaluated> run(List<DetectionResult> results) {
    List<DetectionResult> ordered = new ArrayList<>(results);
    ordered.sort(Comparator.comparing(DetectionResult::key)
        .thenComparingLong((DetectionResult r) -> r.windowEnd));
    AlertPolicy policy = new AlertPolicy(job.alertThreshold, job.raiseAfter, job.resolveThreshold,
        job.resolveAfter, job.decidesOnPosterior());
    BetaPrior providerPrior = BetaPrior.withMean(job.priorIncidentRate, job.priorStrength);
    Map<String, KeyBelief> beliefs = new HashMap<>();
    Map<String, AlertState> states = new HashMap<>();
    List<Evaluated> out = new ArrayList<>();
    for (DetectionResult r : ordered) {
      KeyBelief b = beliefs.computeIfAbsent(
          r.key(), k -> KeyBelief.forNewKey(providerPrior, job.priorStrength));
      if (!r.live) {
        b.observeWarmup(r.score);
        continue;
      }
      PosteriorResult posterior = b.evaluate(calculator, r.score, 0.0, r.windowEnd);
      AlertState s = states.computeIfAbsent(r.key(), k -> new AlertState());
      if (!s.firing && r.score < AlertLifecycle.CALM_SCORE) {
        b.observeWarmup(r.score);
      }
      policy.advance(s, r, posterior);
      out.add(new Evaluated(r, posterior.posterior()));
    }
    return out;
  }
}
