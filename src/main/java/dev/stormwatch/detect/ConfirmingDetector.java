package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A detector whose windows count as anomalous only when a second detector agrees: the score is the
 * smaller of the two scores, so an alert needs both above the thresholds; where the primary
 * abstains (e.g. a model that knows none of a new service's metrics) the confirmer decides alone,
 * so no key goes unwatched. Used as {@code hybrid-confirmed}: the hybrid model proposes, the
 * statistical baseline confirms, which removes most false alarms either detector raises alone
 * (docs/hybrid-model.md, "What ships"). The primary's own score is kept as the result's {@code
 * earlyScore}, from which the alert step may raise an early warning (Slack, never a page) before
 * the confirmer agrees.
 */
public final class ConfirmingDetector implements Detector {
  private final Detector primary;
  private final Detector confirmer;

  /** Owns both detectors and closes them. */
  public ConfirmingDetector(Detector primary, Detector confirmer) {
    this.primary = primary;
    this.confirmer = confirmer;
  }

  /** {@code <primary version>+<confirmer version>}, e.g. {@code hybrid-v4+baseline-1}. */
  @Override
  public String modelVersion() {
    return primary.modelVersion() + "+" + confirmer.modelVersion();
  }

  @Override
  public boolean readsNovelty() {
    return primary.readsNovelty() || confirmer.readsNovelty();
  }

  @Override
  public DetectionResult score(WindowAssembly window) {
    return scoreAll(List.of(window)).get(0);
  }

  @Override
  public List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
    List<DetectionResult> first = primary.scoreAll(windows);
    List<DetectionResult> second = confirmer.scoreAll(windows);
    List<DetectionResult> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(combine(first.get(i), second.get(i)));
    }
    return out;
  }

  /**
   * The combined result: the smaller score, the primary's contributors (the confirmer's when the
   * primary names none), both detectors' log evidence, the larger spread, and a reason quoting both.
   */
  DetectionResult combine(DetectionResult p, DetectionResult c) {
    if (p.abstained && !c.abstained) {
      return alone(c, p);
    }
    DetectionResult r = DetectionResult.copyOf(p);
    r.modelVersion = modelVersion();
    r.score = Math.min(p.score, c.score);
    r.scoreSpread = Math.max(p.scoreSpread, c.scoreSpread);
    r.fallback = p.fallback || c.fallback;
    r.abstained = p.abstained && c.abstained;
    r.earlyScore = p.abstained ? Double.NaN : p.score;
    boolean fromPrimary = p.contributorSignals.length > 0;
    r.contributorSignals = fromPrimary ? p.contributorSignals : c.contributorSignals;
    r.contributorWeights = fromPrimary ? p.contributorWeights : c.contributorWeights;
    Set<String> evidence = new LinkedHashSet<>(List.of(p.logEvidence));
    evidence.addAll(List.of(c.logEvidence));
    r.logEvidence = evidence.toArray(String[]::new);
    r.reason = String.format(Locale.ROOT, "%s %.2f, %s %.2f (the smaller counts); %s; %s",
        p.modelVersion, p.score, c.modelVersion, c.score, p.reason, c.reason);
    return r;
  }

  /** The confirmer's result under this detector's version, saying why the primary did not count. */
  private DetectionResult alone(DetectionResult c, DetectionResult p) {
    DetectionResult r = DetectionResult.copyOf(c);
    r.modelVersion = modelVersion();
    r.fallback = p.fallback || c.fallback;
    r.earlyScore = Double.NaN;
    r.reason = String.format(Locale.ROOT, "%s alone (%s: %s); %s", c.modelVersion, p.modelVersion,
        p.reason, c.reason);
    return r;
  }

  @Override
  public void close() {
    try {
      primary.close();
    } finally {
      confirmer.close();
    }
  }
}
