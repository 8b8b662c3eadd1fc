package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import dev.stormwatch.event.Keys;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Hysteresis over a key's window scores: an alert fires after {@code raiseAfter} consecutive
 * windows at or above the threshold and resolves after {@code resolveAfter} consecutive windows
 * below the resolve threshold, so a flapping signal is one alert, not many. Plain Java; the Flink
 * operator only keeps the {@link AlertState}.
 */
public final class AlertPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final int raiseAfter;
  private final double resolveThreshold;
  private final int resolveAfter;
  private final boolean decideOnPosterior;

  public AlertPolicy(double threshold, int raiseAfter, double resolveThreshold, int resolveAfter) {
    this(threshold, raiseAfter, resolveThreshold, resolveAfter, false);
  }

  /**
   * @param decideOnPosterior when true (and a posterior is given) the thresholds apply to the
   *     Bayesian posterior instead of the detector's score
   */
  public AlertPolicy(double threshold, int raiseAfter, double resolveThreshold, int resolveAfter,
      boolean decideOnPosterior) {
    this.decideOnPosterior = decideOnPosterior;
    this.threshold = threshold;
    this.raiseAfter = raiseAfter;
    this.resolveThreshold = resolveThreshold;
    this.resolveAfter = resolveAfter;
  }

  /**
   * Advances the state with the next window's result (windows must come in event-time order) and
   * returns the alert event it causes, or null. Without a posterior the score stands in for it.
   */
  public AlertEvent advance(AlertState s, DetectionResult r) {
    return advance(s, r, null);
  }

  /**
   * As {@link #advance(AlertState, DetectionResult)}, with the Bayesian layer's posterior for the
   * window carried into the event (posterior, uncertainty and why).
   */
  public AlertEvent advance(AlertState s, DetectionResult r, PosteriorResult belief) {
    if (r.windowEnd <= s.lastWindowEnd) {
      return null;
    }
    s.lastWindowEnd = r.windowEnd;
    double evidence = decideOnPosterior && belief != null ? belief.posterior() : r.score;
    if (!s.firing) {
      s.above = evidence >= threshold ? s.above + 1 : 0;
      if (s.above >= raiseAfter) {
        s.firing = true;
        s.below = 0;
        s.firedAt = r.windowEnd;
        s.peakScore = r.score;
        s.severity = severity(r.score);
        s.alertId = alertId(r, r.windowEnd);
        return event(s, r, belief, AlertEvent.FIRING);
      }
      return null;
    }
    s.peakScore = Math.max(s.peakScore, r.score);
    s.below = evidence < resolveThreshold ? s.below + 1 : 0;
    if (s.below >= resolveAfter) {
      AlertEvent resolved = event(s, r, belief, AlertEvent.RESOLVED);
      s.firing = false;
      s.above = 0;
      s.below = 0;
      return resolved;
    }
    return null;
  }

  /** Severity from the score: critical from 0.95, error from 0.85, warning below. */
  public static String severity(double score) {
    if (score >= 0.95) {
      return "critical";
    }
    return score >= 0.85 ? "error" : "warning";
  }

  /** The stable dedup key of a (provider, service, detector family): at most 64 characters. */
  public static String dedupKey(String provider, String service, String modelVersion) {
    String family = modelVersion.contains("-") ? modelVersion.substring(0, modelVersion.indexOf('-')) : modelVersion;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((Keys.of(provider, service) + Keys.SEPARATOR + family).getBytes(StandardCharsets.UTF_8));
      return "stormwatch-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String alertId(DetectionResult r, long firedAt) {
    String seed = dedupKey(r.provider, r.service, r.modelVersion) + "@" + firedAt;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static AlertEvent event(
      AlertState s, DetectionResult r, PosteriorResult belief, String status) {
    String summary = status.equals(AlertEvent.FIRING)
        ? "Anomaly on " + where(r) + ": " + r.reason + (belief == null ? "" : ". Bayes: " + belief.why())
        : "Recovered on " + where(r) + " after " + (r.windowEnd - s.firedAt) / 60_000 + " min (peak score "
            + round(s.peakScore) + ")";
    return event(s.alertId, status, s.severity, r, r.score, belief, summary);
  }

  /** "provider/service (region)" of a window, for summaries. */
  static String where(DetectionResult r) {
    return r.provider + "/" + r.service + (r.region.isEmpty() ? "" : " (" + r.region + ")");
  }

  /**
   * An event of the output contract for window {@code r}: its key, time, contributors and log
   * evidence, the given score and the posterior (the score without a belief); the summary is cut to
   * 1024 characters.
   */
  static AlertEvent event(String alertId, String status, String severity, DetectionResult r,
      double score, PosteriorResult belief, String summary) {
    List<AlertEvent.Contributor> contributors = new ArrayList<>();
    for (int i = 0; i < r.contributorSignals.length; i++) {
      contributors.add(new AlertEvent.Contributor(r.contributorSignals[i], round(r.contributorWeights[i])));
    }
    return new AlertEvent(
        alertId,
        dedupKey(r.provider, r.service, r.modelVersion),
        status,
        severity,
        r.provider,
        r.region,
        r.service,
        Instant.ofEpochMilli(r.windowEnd).toString(),
        Instant.now().toString(),
        round(score),
        round(belief == null ? r.score : belief.posterior()),
        round(belief == null ? 0.0 : belief.uncertainty()),
        r.modelVersion + (r.fallback ? "+fallback" : ""),
        summary.length() > 1024 ? summary.substring(0, 1024) : summary,
        contributors,
        List.of(r.logEvidence));
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
