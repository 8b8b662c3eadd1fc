package dev.stormwatch.detect;

import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores each window with a lead detector and a second, independently trained one, and fuses
 * their verdicts as independent evidence, by one of two {@link Rule}s. The lead's explanation,
 * spread and early score are kept; a window one of them abstains on gets the other's verdict.
 * Owns and closes both.
 */
public final class FusedDetector implements Detector {
  /** Probabilities are kept this far from 0 and 1 so that one certain detector cannot veto. */
  static final double EPSILON = 1e-6;
  /** Recent scores per detector that {@link Rule#TAIL} ranks a score among. */
  static final int TAIL_HISTORY = 20_000;
  /**
   * {@link Rule#TAIL}: -log10 of the combined tail at which the fused score is 0.5, chosen so that
   * the job's default raise threshold, 0.7, is a combined tail of 1e-4.
   */
  static final double TAIL_HALF = 4.0 * 0.3 / 0.7;

  /** How two verdicts combine. */
  public enum Rule {
    /**
     * The calibrated probabilities, naive Bayes: the log-odds add and the prior both were
     * calibrated under is counted once.
     */
    BAYES,
    /**
     * Each score's rarity among that detector's recent scores (its empirical tail), combined by
     * Fisher's method; the fused score is {@code s / (s + 1.71)} with {@code s = -log10} of the
     * combined tail (0.7 at 1e-4), so a detector whose high scores are common on normal traffic
     * weighs less.
     */
    TAIL;

    /** {@code bayes} or {@code tail}; refuses anything else. */
    public static Rule parse(String name) {
      return switch (name) {
        case "bayes" -> BAYES;
        case "tail" -> TAIL;
        default -> throw new IllegalArgumentException("fusion must be bayes or tail, got " + name);
      };
    }
  }

  private final Detector lead;
  private final Detector second;
  private final Rule rule;
  private final double priorLogOdds;
  private final ScoreTail leadTail = new ScoreTail(TAIL_HISTORY);
  private final ScoreTail secondTail = new ScoreTail(TAIL_HISTORY);

  /**
   * Fuses by {@link Rule#BAYES}.
   *
   * @param prior the share of anomalous examples both detectors were calibrated on, in (0, 1)
   */
  public FusedDetector(Detector lead, Detector second, double prior) {
    this(lead, second, Rule.BAYES, prior);
  }

  /** Fuses by {@code rule} ({@code prior} is only used by {@link Rule#BAYES}). */
  public FusedDetector(Detector lead, Detector second, Rule rule, double prior) {
    if (!(prior > 0 && prior < 1)) {
      throw new IllegalArgumentException("calibration prior must be in (0, 1), got " + prior);
    }
    this.lead = lead;
    this.second = second;
    this.rule = rule;
    this.priorLogOdds = logOdds(prior);
  }

  /** The fused probability of two calibrated probabilities sharing {@code prior}. */
  public static double fuse(double p, double q, double prior) {
    return bayes(p, q, logOdds(prior));
  }

  private static double bayes(double p, double q, double priorLogOdds) {
    return 1 / (1 + Math.exp(-(logOdds(p) + logOdds(q) - priorLogOdds)));
  }

  @Override
  public boolean readsNovelty() {
    return lead.readsNovelty() || second.readsNovelty();
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
    if (rule == Rule.TAIL) {
      double ta = a.abstained ? 1 : tail(leadTail, a.score);
      double tb = b.abstained ? 1 : tail(secondTail, b.score);
      r.score = tailScore(ta, tb);
    } else if (!a.abstained && !b.abstained) {
      r.score = bayes(a.score, b.score, priorLogOdds);
    }
    if (!a.abstained && !b.abstained) {
      r.reason = String.format(Locale.ROOT, "%s (fused %.2f with %s)", a.reason, r.score, b.reason);
    }
    return r;
  }

  /** The score's tail among the detector's earlier scores, then the score joins them. */
  private static double tail(ScoreTail history, double score) {
    double t = history.tail(score);
    history.add(score);
    return t;
  }

  /** {@link Rule#TAIL}'s fused score of two tails (1: no evidence). */
  static double tailScore(double ta, double tb) {
    double x = -2 * (Math.log(ta) + Math.log(tb));
    // Fisher: x is chi-squared with 4 degrees of freedom under the null
    double p = Math.exp(-x / 2) * (1 + x / 2);
    double s = -Math.log10(Math.max(p, Double.MIN_NORMAL));
    return s / (s + TAIL_HALF);
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
