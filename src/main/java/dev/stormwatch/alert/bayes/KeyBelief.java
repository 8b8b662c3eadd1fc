package dev.stormwatch.alert.bayes;

/**
 * Everything the decision layer keeps per (provider, service): the incident-rate prior, the score
 * likelihood and the last posterior (for the "rising" test). A Flink POJO for one ValueState.
 */
public class KeyBelief {
  public BetaPrior prior = new BetaPrior();
  public ScoreLikelihood likelihood = new ScoreLikelihood();
  /** Posterior of the last evaluated window; NaN before the first. */
  public double lastPosterior = Double.NaN;
  /** End of the last evaluated window (epoch millis). */
  public long lastWindowEnd = Long.MIN_VALUE;

  public KeyBelief() {}

  /** A new key: its provider's prior shrunk to {@code effectiveSampleSize}, default likelihood. */
  public static KeyBelief forNewKey(BetaPrior providerPrior, double effectiveSampleSize) {
    KeyBelief b = new KeyBelief();
    b.prior = BetaPrior.shrunkFrom(providerPrior, effectiveSampleSize);
    return b;
  }

  /** A warm-up window's score: learned as normal. */
  public void observeWarmup(double score) {
    likelihood.addNormal(score, 1);
  }

  /** Scores one live window and remembers its posterior; older or repeated windows are not rescored. */
  public PosteriorResult evaluate(PosteriorCalculator calculator, double score, double modelSpread,
      long windowEnd) {
    PosteriorResult r = calculator.evaluate(score, likelihood, prior, modelSpread, lastPosterior);
    if (windowEnd > lastWindowEnd) {
      lastPosterior = r.posterior();
      lastWindowEnd = windowEnd;
    }
    return r;
  }

  /**
   * Operator feedback on an alert whose windows scored {@code score} (e.g. its peak) over {@code
   * windows} windows: {@code false_positive} teaches the prior those windows were quiet and the
   * likelihood that such a score is normal here; {@code true_positive} the opposite.
   */
  public void feedback(String verdict, double score, int windows, long nowMillis, long halfLifeMillis) {
    prior.recordFeedback(verdict, windows, nowMillis, halfLifeMillis);
    if (BetaPrior.FALSE_POSITIVE.equals(verdict)) {
      likelihood.addNormal(score, windows);
    } else {
      likelihood.addIncident(score, windows);
    }
  }

  /** A confirmed incident (from the incident tracker) covering {@code windows} windows. */
  public void confirmIncident(double score, int windows, long nowMillis, long halfLifeMillis) {
    prior.recordIncident(windows, nowMillis, halfLifeMillis);
    likelihood.addIncident(score, windows);
  }
}
