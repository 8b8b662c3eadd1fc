package dev.stormwatch.alert.bayes;

import java.util.Arrays;
import java.util.Locale;

/**
 * Class-conditional densities of a detector score in [0, 1] for normal and incident windows, as
 * smoothed histograms over {@link #BINS} equal bins, and their likelihood ratio.
 *
 * <p>Why histograms, not a fitted Beta: real detector scores have a point mass at 0 and incident
 * windows are bimodal (onset windows still score ~0, later ones ~1), which a unimodal Beta fitted by
 * moments describes badly (measured on the demo: it fitted Beta(0.04, 0.02) to incident scores).
 * Each class's bin probability is (count + s * m_b + l) / (total + s + l * BINS): observed counts,
 * plus a default shape m_b with {@link #SHAPE_STRENGTH} pseudo-counts (normal: Beta(1, 5); incident:
 * Beta(5, 1), which puts 67% of its mass above 0.8), plus add-{@link #LAPLACE} smoothing so no bin is
 * empty. The smoothing bounds the ratio, so one score never makes the posterior exactly 0 or 1.
 *
 * <p>Counts are updated online (warm-up windows and false-positive feedback as normal; confirmed
 * incidents and true-positive feedback as incident). A Flink POJO: primitive arrays and numbers.
 */
public class ScoreLikelihood {
  public static final int BINS = 20;
  public static final double LAPLACE = 0.5;
  public static final double SHAPE_STRENGTH = 20;

  private static final double[] NORMAL_SHAPE = shape(false);
  private static final double[] INCIDENT_SHAPE = shape(true);

  public double[] normalCounts = new double[BINS];
  public double[] incidentCounts = new double[BINS];
  public double normalTotal;
  public double incidentTotal;

  public ScoreLikelihood() {}

  /** Counts the given scores (either array may be null). */
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

  /** The bin of a score: [b/BINS, (b+1)/BINS), 1.0 and above in the last, NaN and below 0 in the first. */
  public static int bin(double score) {
    if (!(score > 0)) {
      return 0;
    }
    return Math.min(BINS - 1, (int) (score * BINS));
  }

  /** A score seen in a normal window (warm-up, or an alert marked false positive), with a weight. */
  public void addNormal(double score, double weight) {
    normalCounts[bin(score)] += weight;
    normalTotal += weight;
  }

  /** A score seen in a confirmed incident window, with a weight. */
  public void addIncident(double score, double weight) {
    incidentCounts[bin(score)] += weight;
    incidentTotal += weight;
  }

  /**
   * Takes over another likelihood's incident counts (e.g. pooled over all keys, since one key
   * rarely sees enough incidents of its own); the normal counts stay.
   */
  public void adoptIncidentCounts(ScoreLikelihood pooled) {
    incidentCounts = Arrays.copyOf(pooled.incidentCounts, BINS);
    incidentTotal = pooled.incidentTotal;
  }

  /** P(score's bin | normal), smoothed. */
  public double normalProbability(double score) {
    int b = bin(score);
    return smoothed(normalCounts[b], normalTotal, NORMAL_SHAPE[b]);
  }

  /** P(score's bin | incident), smoothed. */
  public double incidentProbability(double score) {
    int b = bin(score);
    return smoothed(incidentCounts[b], incidentTotal, INCIDENT_SHAPE[b]);
  }

  /** f(score | incident) / f(score | normal). */
  public double likelihoodRatio(double score) {
    return incidentProbability(score) / normalProbability(score);
  }

  private static double smoothed(double count, double total, double shapeMass) {
    return (count + SHAPE_STRENGTH * shapeMass + LAPLACE) / (total + SHAPE_STRENGTH + LAPLACE * BINS);
  }

  /** Bin masses of Beta(5, 1) (CDF x^5) or Beta(1, 5) (CDF 1 - (1 - x)^5). */
  private static double[] shape(boolean incident) {
    double[] m = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      double lo = (double) b / BINS;
      double hi = (double) (b + 1) / BINS;
      m[b] = incident ? Math.pow(hi, 5) - Math.pow(lo, 5) : Math.pow(1 - lo, 5) - Math.pow(1 - hi, 5);
    }
    return m;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ScoreLikelihood{normal n=%.0f, incident n=%.0f, LR(0.05)=%.3g, LR(0.5)=%.3g,"
        + " LR(0.95)=%.3g}", normalTotal, incidentTotal, likelihoodRatio(0.05), likelihoodRatio(0.5),
        likelihoodRatio(0.95));
  }
}
