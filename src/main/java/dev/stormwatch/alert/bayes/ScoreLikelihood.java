package dev.stormwatch.alert.bayes;

/**
 * Class-conditional densities of a detector score in [0, 1]: a Beta density for normal windows and
 * one for incident windows, each fitted by the method of moments, and their likelihood ratio.
 *
 * <p>Why Beta by moments: the fit needs only a running weighted mean and variance (Welford), so it
 * is updated online in keyed state, one warm-up or feedback score at a time, and the density is
 * smooth in the tails where a histogram would be empty. Scores of windows an operator marked
 * {@code false_positive} are added to the normal class, so a recurring benign pattern stops
 * looking like an incident for that key.
 * The variance is floored at {@link #MIN_VARIANCE} so a near-constant warm-up (all scores 0.02) does
 * not give an infinitely sharp density, and the ratio is clamped to [{@link #MIN_RATIO}, {@link
 * #MAX_RATIO}] so one score can never make the posterior exactly 0 or 1. Without (enough) incident
 * scores the incident density is Beta(5, 1), which puts 67% of its mass above 0.8.
 *
 * <p>A Flink POJO (public no-arg constructor, primitive fields) so it can sit in keyed or broadcast
 * state.
 */
public class ScoreLikelihood {
  public static final double MIN_VARIANCE = 1e-4;
  public static final double MIN_RATIO = 1e-4;
  public static final double MAX_RATIO = 1e4;
  /** Scores are clamped into [EDGE, 1 - EDGE] before evaluating densities. */
  public static final double EDGE = 1e-3;
  /** Fewer scores than this for a class: that class keeps its default density. */
  public static final int MIN_SAMPLES = 5;

  public static final double DEFAULT_INCIDENT_ALPHA = 5;
  public static final double DEFAULT_INCIDENT_BETA = 1;
  public static final double DEFAULT_NORMAL_ALPHA = 1;
  public static final double DEFAULT_NORMAL_BETA = 5;

  public double normalAlpha = DEFAULT_NORMAL_ALPHA;
  public double normalBeta = DEFAULT_NORMAL_BETA;
  public double incidentAlpha = DEFAULT_INCIDENT_ALPHA;
  public double incidentBeta = DEFAULT_INCIDENT_BETA;
  /** Weighted count, mean and sum of squared deviations (Welford) of the normal scores. */
  public double normalWeight;
  public double normalMean;
  public double normalM2;
  /** The same for incident scores. */
  public double incidentWeight;
  public double incidentMean;
  public double incidentM2;

  public ScoreLikelihood() {}

  /** Fits both densities; an incident set smaller than {@link #MIN_SAMPLES} keeps Beta(5, 1). */
  public static ScoreLikelihood fit(double[] normalScores, double[] incidentScores) {
    ScoreLikelihood l = new ScoreLikelihood();
    for (double s : normalScores == null ? new double[0] : normalScores) {
      l.addNormal(s, 1);
    }
    for (double s : incidentScores == null ? new double[0] : incidentScores) {
      l.addIncident(s, 1);
    }
    return l;
  }

  /**
   * Adds a score seen in a normal window (warm-up, or a window an operator marked a false positive)
   * with a frequency weight, and refits the normal density.
   */
  public void addNormal(double score, double weight) {
    double x = clamp(score);
    double total = normalWeight + weight;
    double delta = x - normalMean;
    normalMean += delta * weight / total;
    normalM2 += weight * delta * (x - normalMean);
    normalWeight = total;
    double[] ab = betaByMoments(normalWeight, normalMean, normalM2);
    if (ab != null) {
      normalAlpha = ab[0];
      normalBeta = ab[1];
    }
  }

  /** Adds a score seen in a confirmed incident window and refits the incident density. */
  public void addIncident(double score, double weight) {
    double x = clamp(score);
    double total = incidentWeight + weight;
    double delta = x - incidentMean;
    incidentMean += delta * weight / total;
    incidentM2 += weight * delta * (x - incidentMean);
    incidentWeight = total;
    double[] ab = betaByMoments(incidentWeight, incidentMean, incidentM2);
    if (ab != null) {
      incidentAlpha = ab[0];
      incidentBeta = ab[1];
    }
  }

  /**
   * Method-of-moments Beta(alpha, beta) for scores in [0, 1], or null with fewer than {@link
   * #MIN_SAMPLES} scores. alpha = m*k, beta = (1-m)*k with k = m(1-m)/v - 1.
   */
  public static double[] momentsFit(double[] scores) {
    ScoreLikelihood l = fit(scores, null);
    return l.normalWeight < MIN_SAMPLES ? null : new double[] {l.normalAlpha, l.normalBeta};
  }

  private static double[] betaByMoments(double weight, double mean, double m2) {
    if (weight < MIN_SAMPLES) {
      return null;
    }
    double spread = mean * (1 - mean);
    double variance = Math.min(Math.max(m2 / (weight - 1), MIN_VARIANCE), 0.99 * spread);
    double k = spread / variance - 1;
    return new double[] {mean * k, (1 - mean) * k};
  }

  /** f(score | incident) / f(score | normal), clamped to [MIN_RATIO, MAX_RATIO]. */
  public double likelihoodRatio(double score) {
    double x = clamp(score);
    double log = BetaMath.logDensity(x, incidentAlpha, incidentBeta)
        - BetaMath.logDensity(x, normalAlpha, normalBeta);
    return Math.min(MAX_RATIO, Math.max(MIN_RATIO, Math.exp(log)));
  }

  private static double clamp(double score) {
    if (Double.isNaN(score)) {
      return EDGE;
    }
    return Math.min(1 - EDGE, Math.max(EDGE, score));
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "ScoreLikelihood{normal=Beta(%.3f,%.3f) n=%.0f, incident=Beta(%.3f,%.3f) n=%.0f}",
        normalAlpha, normalBeta, normalWeight, incidentAlpha, incidentBeta, incidentWeight);
  }
}
