package dev.stormwatch.alert.bayes;

/**
 * Beta(alpha, beta) belief about a key's per-window incident rate (a Flink POJO for keyed state).
 *
 * <p>Hierarchy: a new (provider, service) starts from its provider's prior via {@link
 * #shrunkFrom}, which keeps the provider's mean but caps the pseudo-counts at a small effective
 * sample size, so the service's own evidence soon dominates. Updates: a confirmed incident or
 * {@code true_positive} feedback adds to alpha, {@code false_positive} feedback (or a confirmed
 * quiet window) adds to beta. Before each update the pseudo-counts decay with a half-life, keeping
 * the mean, so old evidence fades but the prior never drops below {@link #minStrength}.
 *
 * <p>The 90% credible interval uses the exact Beta quantiles ({@link
 * BetaMath#inverseRegularizedBeta}), not a normal approximation, because incident rates sit near 0
 * where the normal interval goes negative.
 */
public class BetaPrior {
  public static final String TRUE_POSITIVE = "true_positive";
  public static final String FALSE_POSITIVE = "false_positive";

  public double alpha = 1;
  public double beta = 1;
  /** Decay never shrinks alpha + beta below this. */
  public double minStrength = 2;
  /** Time of the last decay (epoch millis); Long.MIN_VALUE before the first update. */
  public long updatedAt = Long.MIN_VALUE;
  public int incidents;
  public int falsePositives;

  public BetaPrior() {}

  public static BetaPrior of(double alpha, double beta) {
    if (!(alpha > 0) || !(beta > 0)) {
      throw new IllegalArgumentException("alpha and beta must be > 0");
    }
    BetaPrior p = new BetaPrior();
    p.alpha = alpha;
    p.beta = beta;
    p.minStrength = Math.min(p.minStrength, alpha + beta);
    return p;
  }

  /** A prior with the given mean and pseudo-count total. */
  public static BetaPrior withMean(double mean, double strength) {
    return of(mean * strength, (1 - mean) * strength);
  }

  /**
   * A child prior (a new service) from its parent's (the provider's): same mean, pseudo-counts
   * scaled down to at most {@code effectiveSampleSize}.
   */
  public static BetaPrior shrunkFrom(BetaPrior parent, double effectiveSampleSize) {
    double total = parent.alpha + parent.beta;
    double scale = Math.min(1, effectiveSampleSize / total);
    BetaPrior child = of(parent.alpha * scale, parent.beta * scale);
    child.minStrength = Math.min(parent.minStrength, child.alpha + child.beta);
    return child;
  }

  /**
   * A parent prior pooled from its children: the counts-weighted mean of the children, with the
   * pseudo-count total of an average child.
   */
  public static BetaPrior pooled(BetaPrior... children) {
    if (children.length == 0) {
      throw new IllegalArgumentException("nothing to pool");
    }
    double a = 0;
    double total = 0;
    for (BetaPrior c : children) {
      a += c.alpha;
      total += c.alpha + c.beta;
    }
    return withMean(a / total, total / children.length);
  }

  public double mean() {
    return alpha / (alpha + beta);
  }

  /** The 5% and 95% quantiles: the equal-tailed 90% credible interval {lower, upper}. */
  public double[] credibleInterval90() {
    return new double[] {
      BetaMath.inverseRegularizedBeta(0.05, alpha, beta),
      BetaMath.inverseRegularizedBeta(0.95, alpha, beta)
    };
  }

  /**
   * Forgets evidence older than now: both pseudo-counts are multiplied by 0.5^(elapsed/halfLife),
   * keeping the mean, but alpha + beta never drops below minStrength.
   */
  public void decay(long nowMillis, long halfLifeMillis) {
    if (updatedAt != Long.MIN_VALUE && nowMillis > updatedAt && halfLifeMillis > 0) {
      double factor = Math.pow(0.5, (double) (nowMillis - updatedAt) / halfLifeMillis);
      double total = alpha + beta;
      factor = Math.max(factor, Math.min(1, minStrength / total));
      alpha *= factor;
      beta *= factor;
    }
    if (updatedAt == Long.MIN_VALUE || nowMillis > updatedAt) {
      updatedAt = nowMillis;
    }
  }

  /** A confirmed incident (weight: how many windows it covered). */
  public void recordIncident(double weight, long nowMillis, long halfLifeMillis) {
    decay(nowMillis, halfLifeMillis);
    alpha += weight;
    incidents++;
  }

  /** Windows confirmed quiet (no incident). */
  public void recordQuiet(double weight, long nowMillis, long halfLifeMillis) {
    decay(nowMillis, halfLifeMillis);
    beta += weight;
  }

  /**
   * Operator feedback on an alert: {@code true_positive} counts as an incident, {@code
   * false_positive} as quiet windows; weight is the number of windows the alert covered.
   */
  public void recordFeedback(String verdict, double weight, long nowMillis, long halfLifeMillis) {
    if (TRUE_POSITIVE.equals(verdict)) {
      recordIncident(weight, nowMillis, halfLifeMillis);
    } else if (FALSE_POSITIVE.equals(verdict)) {
      recordQuiet(weight, nowMillis, halfLifeMillis);
      falsePositives++;
    } else {
      throw new IllegalArgumentException("unknown feedback verdict: " + verdict);
    }
  }

  public BetaPrior copy() {
    BetaPrior p = new BetaPrior();
    p.alpha = alpha;
    p.beta = beta;
    p.minStrength = minStrength;
    p.updatedAt = updatedAt;
    p.incidents = incidents;
    p.falsePositives = falsePositives;
    return p;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "Beta(%.4f, %.4f)", alpha, beta);
  }
}
