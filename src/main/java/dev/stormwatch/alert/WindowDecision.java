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
    state.region = live.region;
    state.modelVersion = live.modelVersion;
    AlertEvent event = policy.advance(state, live, posterior);
    AlertEvent warning = live.windowEnd > before
        ? earlyWarning.advance(state, live, posterior, belief.ageMillis(live.windowEnd)) : null;
    return new Outcome(posterior, event, warning);
  }

  /**
   * Closes what is still open on a key that sent no windows for {@code silentMillis} and whose
   * state is about to be dropped, at event time {@code at}: the page is resolved and the early
   * warning cleared, each saying why, so that no page stays open in the paging tools and a service
   * that comes back later pages afresh. Nothing when nothing is open, or when the state predates
   * the model version it needs for the dedup key.
   */
  public List<AlertEvent> closeSilentKey(AlertState state, String provider, String service, long at,
      long silentMillis) {
    // state restored from a build that did not keep the model version, with no window since: the
    // dedup key the paging tools know cannot be rebuilt
    if (state.modelVersion == null || state.modelVersion.isEmpty()) {
      return List.of();
    }
    DetectionResult r = new DetectionResult();
    r.provider = provider;
    r.service = service;
    r.region = state.region == null ? "" : state.region;
    r.modelVersion = state.modelVersion;
    r.windowEnd = at;
    long hours = silentMillis / 3_600_000;
    String why = "No windows from " + AlertPolicy.where(r) + " for "
        + (hours >= 48 ? hours / 24 + " days" : hours + " h")
        + " (the service stopped reporting or was removed)";
    List<AlertEvent> out = new ArrayList<>(2);
    if (state.warning) {
      out.add(AlertPolicy.event(state.warningId, AlertEvent.EARLY_WARNING_CLEARED, "info", r, 0, null,
          why + ": early warning closed"));
    }
    if (state.firing) {
      out.add(AlertPolicy.event(state.alertId, AlertEvent.RESOLVED, state.severity, r, 0, null,
          why + ": alert closed without recovery seen (peak score " + AlertPolicy.round(state.peakScore) + ")"));
    }
    return out;
  }
}
