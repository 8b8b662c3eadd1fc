package dev.stormwatch.eval.calibration;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.eval.DecisionReplay;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the job's Bayesian layer over scored windows without Flink ({@link DecisionReplay}, the same
 * per-window step as {@link dev.stormwatch.alert.AlertLifecycle}), with the job's alert policy and
 * prior.
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
    List<Evaluated> out = new ArrayList<>();
    for (DecisionReplay.Decided d :
        DecisionReplay.run(DecisionReplay.ordered(results), job, DecisionReplay.policy(job))) {
      out.add(new Evaluated(d.result(), d.posterior().posterior()));
    }
    return out;
  }
}
