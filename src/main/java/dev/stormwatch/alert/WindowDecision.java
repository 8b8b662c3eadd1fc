package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.KeyBelief;
import dev.stormwatch.alert.bayes.PosteriorCalculator;
import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

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
  private final EarlyWarningPolicy earlyWarning;

  /**
   * A live window's posterior, the alert event it caused (or null) and the early-warning event it
   * caused (or null; never together with a firing event).
   */
  public record Outcome(PosteriorResult posterior, AlertEvent event, AlertEvent warning) {
    /** The events in the order they happened: a warning is raised or cleared before a page changes. */
    public List<AlertEvent> events() {
      List<AlertEvent> out = new ArrayList<>(2);
      if (warning != null) {
        out.add(warning);
      }
      if (event != null) {
        out.add(event);
      }
      return out;
    }
  }

  /** Pages only, no early warnings. */
  public WindowDecision(AlertPolicy policy, PosteriorCalculator calculator) {
    this(policy, calculator, EarlyWarningPolicy.off());
  }

  public WindowDecision(AlertPolicy policy, PosteriorCalculator calculator,
      EarlyWarningPolicy earlyWarning) {
    this.policy = policy;
    this.calculator = calculator;
    this.earlyWarning = earlyWarning;
  }

  /** A warm-up window only teaches the belief what normal scores look like. */
  public void learnWarmup(KeyBelief belief, DetectionResult warmup) {
    belief.seen(warmup.windowEnd);
    belief.observeWarmup(warmup.score);
  }

  /**
   * Evaluates a live window's posterior, lets calm windows keep teaching, and advances the alert
   * and then the early warning.
   */
  public Outcome decide(KeyBelief belief, AlertState state, DetectionResult live) {
    belief.seen(live.windowEnd);
    PosteriorResult posterior = belief.evaluate(calculator, live.score, live.scoreSpread, live.windowEnd);
    if (!state.firing && live.score < CALM_SCORE) {
      belief.observeWarmup(live.score);
    }
    long before = state.lastWindowEnd;
    AlertEvent event = policy.advance(state, live, posterior);
    AlertEvent warning = live.windowEnd > before
        ? earlyWarning.advance(state, live, posterior, belief.ageMillis(live.windowEnd)) : null;
    return new Outcome(posterior, event, warning);
  }
}
