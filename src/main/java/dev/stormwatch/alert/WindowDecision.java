package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;

/**
 * One scored window through its key's Bayesian belief and alert hysteresis, in plain Java: the step
 * {@link AlertLifecycle} runs on keyed state and offline replays run on maps. Windows of a key
 * must come in event-time order.
 */
public final class WindowDecision implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Live windows scoring below this while no alert fires count as normal for the likelihood. */
  public static final double CALM_SCORE = 0.5;

  private final AlertPolicy policy;
  private final PosteriorCalculator calculator;

  /** A live window's posterior and the alert event it caused (or null). */
  public record Outcome(PosteriorResult posterior, AlertEvent event) {}

  public WindowDecision(AlertPolicy policy, PosteriorCalculator calculator) {
    this.policy = policy;
    this.calculator = calculator;
  }

  /** A warm-up window only teaches the belief what normal scores look like. */
  public void learnWarmup(KeyBelief belief, DetectionResult warmup) {
    belief.observeWarmup(warmup.score);
  }

  /** Evaluates a live window's posterior, lets calm windows keep teaching, and advances the alert. */
  public Outcome decide(KeyBelief belief, AlertState state, DetectionResult live) {
    PosteriorResult posterior = belief.evaluate(calculator, live.score, live.scoreSpread, live.windowEnd);
    if (!state.firing && live.score < CALM_SCORE) {
      belief.observeWarmup(live.score);
    }
    return new Outcome(posterior, policy.advance(state, live, posterior));
  }
}
