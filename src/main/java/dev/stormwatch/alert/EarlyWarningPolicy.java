package dev.stormwatch.alert;

import dev.stormwatch.alert.bayes.PosteriorResult;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.event.AlertEvent;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The early-warning tier: hysteresis over a window's {@link DetectionResult#earlyScore} (the hybrid
 * model's own score in {@code hybrid-confirmed}) that raises a heads-up for Slack, never a page,
 * while the page itself still waits for confirmation. A page on the key supersedes its warning
 * silently; a warning that calms down is cleared with an event. After a page or a warning the
 * early score must fall below the clear threshold once before the key can warn again. A key
 * watched for less than {@code minHistory} of event time does not warn (a model's scores on a
 * young key, whose every log template still looks new, are not worth a heads-up; pages still go
 * through the Bayesian layer). Detectors without an early score (NaN) never warn. Plain Java; the Flink operator keeps the {@link
 * AlertState}.
 */
public final class EarlyWarningPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final int raiseAfter;
  private final double clearThreshold;
  private final int clearAfter;
  private final long minHistoryMillis;
  private final boolean enabled;

  /**
   * @param threshold early score at or above which a window counts towards a warning
   * @param raiseAfter consecutive such windows that raise it
   * @param clearThreshold early score below which a window counts towards clearing it
   * @param clearAfter consecutive such windows that clear it
   * @param minHistoryMillis event time a key must have been watched for before it can warn
   */
  public EarlyWarningPolicy(double threshold, int raiseAfter, double clearThreshold, int clearAfter,
      long minHistoryMillis) {
    if (!(threshold > 0 && threshold <= 1) || !(clearThreshold >= 0 && clearThreshold <= threshold)
        || raiseAfter < 1 || clearAfter < 1 || minHistoryMillis < 0) {
      throw new IllegalArgumentException("early warning: need 0 < threshold <= 1, 0 <= clear"
          + " threshold <= threshold, raise-after and clear-after >= 1, min-history >= 0");
    }
    this.minHistoryMillis = minHistoryMillis;
    this.threshold = threshold;
    this.raiseAfter = raiseAfter;
    this.clearThreshold = clearThreshold;
    this.clearAfter = clearAfter;
    this.enabled = true;
  }

  private EarlyWarningPolicy() {
    this.threshold = 1;
    this.raiseAfter = 1;
    this.clearThreshold = 0;
    this.clearAfter = 1;
    this.minHistoryMillis = 0;
    this.enabled = false;
  }

  /** A policy that never warns. */
  public static EarlyWarningPolicy off() {
    return new EarlyWarningPolicy();
  }

  /** True when this policy can raise warnings at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Advances the warning state with a live window that the page policy has already seen (so
   * {@code s.firing} is current) and returns the warning event it causes, or null; {@code
   * keyAgeMillis} is how long the key has been watched.
   */
  public AlertEvent advance(AlertState s, DetectionResult r, PosteriorResult belief,
      long keyAgeMillis) {
    if (!enabled()) {
      return null;
    }
    double early = Double.isNaN(r.earlyScore) ? 0 : r.earlyScore;
    if (s.firing) {
      disarm(s);
      return null;
    }
    if (s.warnDisarmed) {
      s.warnDisarmed = early >= clearThreshold;
      return null;
    }
    if (!s.warning) {
      boolean counts = early >= threshold && keyAgeMillis >= minHistoryMillis;
      s.warnAbove = counts ? s.warnAbove + 1 : 0;
      if (s.warnAbove < raiseAfter) {
        return null;
      }
      s.warning = true;
      s.warnBelow = 0;
      s.warnedAt = r.windowEnd;
      s.warningId = UUID.nameUUIDFromBytes((AlertPolicy.dedupKey(r.provider, r.service, r.modelVersion)
          + "@early@" + r.windowEnd).getBytes(StandardCharsets.UTF_8)).toString();
      return event(s, r, belief, AlertEvent.EARLY_WARNING, early);
    }
    s.warnBelow = early < clearThreshold ? s.warnBelow + 1 : 0;
    if (s.warnBelow < clearAfter) {
      return null;
    }
    AlertEvent cleared = event(s, r, belief, AlertEvent.EARLY_WARNING_CLEARED, early);
    disarm(s);
    return cleared;
  }

  /** Ends any warning; the key must calm down before it can warn again. */
  private static void disarm(AlertState s) {
    s.warning = false;
    s.warnAbove = 0;
    s.warnBelow = 0;
    s.warnDisarmed = true;
  }

  private static AlertEvent event(AlertState s, DetectionResult r, PosteriorResult belief,
      String status, double early) {
    String summary = status.equals(AlertEvent.EARLY_WARNING)
        ? String.format(Locale.ROOT, "Early warning on %s: the model scores %.2f, not yet confirmed"
            + " (no page): %s", AlertPolicy.where(r), early, r.reason)
        : "Early warning on " + AlertPolicy.where(r) + " cleared after "
            + (r.windowEnd - s.warnedAt) / 60_000 + " min without a page";
    return AlertPolicy.event(s.warningId, status, "info", r, early, belief, summary);
  }
}
