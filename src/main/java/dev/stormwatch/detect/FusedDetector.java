package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores each window with a lead detector and a second, independently trained one, and fuses
 * their calibrated probabilities as independent evidence (naive Bayes: the log-odds add and the
 * prior both were calibrated under is counted once). The lead's explanation, spread and early
 * score are kept; a window one of them abstains on gets the other's verdict. Owns and closes both.
 */
public final class FusedDetector implements Detector {
  /** Probabilities are kept this far from 0 and 1 so that one certain detector cannot veto. */
  static final double EPSILON = 1e-6;

  private final Detector lead;
  private final Detector second;
  private final double priorLogOdds;

  /**
   * @param prior the share of anomalous examples both detectors were calibrated on, in (0, 1)
   */
  public FusedDetector(Detector lead, Detector second, double prior) {
    if (!(prior > 0 && prior < 1)) {
      throw new IllegalArgumentException("calibration prior must be in (0, 1), got " + prior);
    }
    this.lead = lead;
    this.second = second;
    this.priorLogOdds = logOdds(prior);
  }

  /** The fused probability of two calibrated probabilities sharing {@code prior}. */
  public static double fuse(double p, double q, double prior) {
    double z = logOdds(p) + logOdds(q) - logOdds(prior);
    return 1 / (1 + Math.exp(-z));
  }

  @Override
  public String modelVersion() {
    return lead.modelVersion() + "+" + second.modelVersion();
  }

  @Override
  public DetectionResult score(WindowAssembly window) {
    return scoreAll(List.of(window)).get(0);
  }

  @Override
  public List<DetectionResult> scoreAll(List<WindowAssembly> windows) {
    List<DetectionResult> a = lead.scoreAll(windows);
    List<DetectionResult> b = second.scoreAll(windows);
    List<DetectionResult> out = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      out.add(fused(a.get(i), b.get(i)));
    }
    return out;
  }

  private DetectionResult fused(DetectionResult a, DetectionResult b) {
    if (a.abstained && b.abstained) {
      return a;
    }
    DetectionResult r = DetectionResult.copyOf(a.abstained ? b : a);
    r.modelVersion = modelVersion();
    if (a.abstained || b.abstained) {
      return r;
    }
    double z = logOdds(a.score) + logOdds(b.score) - priorLogOdds;
    r.score = 1 / (1 + Math.exp(-z));
    r.reason = String.format(Locale.ROOT, "%s (fused %.2f with %s)", a.reason, r.score, b.reason);
    return r;
  }

  private static double logOdds(double p) {
    double c = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    return Math.log(c / (1 - c));
  }

  @Override
  public void close() {
    try (Detector first = lead; Detector other = second) {
      // both closed, the second even when closing the first fails
    }
  }
}
