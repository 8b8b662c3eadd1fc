package dev.stormwatch.detect;

/**
 * How uncertain the baseline detector's evidence is because its baselines are estimates (delta
 * method): a centre c and scale s learned from n effective samples have standard errors of about
 * s/sqrt(n) and s/sqrt(2n), so z = (v - c)/s has a standard deviation of sqrt((1 + z²/2)/n), and
 * evidence e = f·|z| one of sqrt(f² + e²/2)/sqrt(n). An EWMA baseline with weight
 * max(alpha, 1/(k+1)) is the plain mean of its first 1/alpha samples and then remembers (2 -
 * alpha)/alpha of them, which caps n. Through the score curve the evidence's deviation becomes the
 * score's: half the score difference between evidence ± one deviation (the curve is flat below
 * {@code scoreZ0}, so the plain derivative would understate it near the threshold).
 */
public final class EvidenceSpread {
  private EvidenceSpread() {}

  /** Effective sample size of a baseline that learned {@code samples} steps at EWMA weight {@code alpha}. */
  public static double effectiveSamples(long samples, double alpha) {
    return Math.max(1.0, Math.min(samples, (2.0 - alpha) / alpha));
  }

  /**
   * Standard deviation of evidence {@code e = factor · |z|} when the baseline behind z comes from
   * {@code effectiveSamples} samples.
   */
  public static double ofEvidence(double evidence, double factor, double effectiveSamples) {
    return Math.sqrt((factor * factor + evidence * evidence / 2) / effectiveSamples);
  }

  /** Standard deviation of the score at {@code evidence} whose own deviation is {@code evidenceSd}. */
  public static double ofScore(BaselineConfig cfg, double evidence, double evidenceSd) {
    if (!(evidenceSd > 0)) {
      return 0;
    }
    double high = cfg.scoreOf(evidence + evidenceSd);
    double low = cfg.scoreOf(Math.max(0, evidence - evidenceSd));
    return (high - low) / 2;
  }
}
