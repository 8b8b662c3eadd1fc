package dev.stormwatch.detect;

/**
 * Turns a stream of raw anomaly scores into how surprising their recent average is against the
 * detector's own score history (the anomaly likelihood of Ahmad et al., "Unsupervised real-time
 * anomaly detection for streaming data", 2017), so one threshold means the same on every series.
 *
 * <p>Each raw score joins a short moving average; that average is compared with the mean and
 * standard deviation of the earlier averages in a bounded history (a Gaussian tail). The result
 * is the surprise {@code s = -log10(tail probability)} mapped to {@code s / (s + halfSurprise)}:
 * 0 for an average at or below the history's mean, 0.5 at a tail probability of
 * {@code 10^-halfSurprise}, approaching 1 without saturating, so extreme rows stay ordered.
 */
public final class AnomalyLikelihood {
  private final Params params;
  private final double[] shortRing;
  private final double[] history;
  private int shortCount;
  private int shortNext;
  private double shortSum;
  private int historyCount;
  private int historyNext;
  private double historySum;
  private double historySumSquares;

  /**
   * @param shortWindow raw scores in the moving average tested (Numenta's 10)
   * @param historyLength averages the mean and deviation are taken over (bounded ring)
   * @param warmup averages the history must hold before any score other than 0 is given
   * @param minStd floor of the history's standard deviation, so a detector that sat at one value
   *     does not call the first small move certain
   * @param halfSurprise surprise (decades of tail probability) mapped to 0.5
   */
  public record Params(
      int shortWindow, int historyLength, int warmup, double minStd, double halfSurprise) {
    public Params {
      if (shortWindow < 1 || historyLength < 2 || warmup < 2 || warmup > historyLength
          || !(minStd > 0) || !(halfSurprise > 0)) {
        throw new IllegalArgumentException("invalid anomaly likelihood parameters: shortWindow >= 1,"
            + " 2 <= warmup <= historyLength, minStd > 0 and halfSurprise > 0 are required");
      }
    }

    /**
     * Averages of 10 scores against the last 8,640 (a month at 5 minutes), scores after 50
     * averages, a deviation floor of 0.005 and a tail probability of 1e-5 at 0.5.
     */
    public static Params defaults() {
      return new Params(10, 8640, 50, 0.005, 5.0);
    }
  }

  public AnomalyLikelihood(Params params) {
    this.params = params;
    this.shortRing = new double[params.shortWindow()];
    this.history = new double[params.historyLength()];
  }

  /** The likelihood score of the next raw score, which then joins the history. */
  public double next(double raw) {
    double value = Double.isFinite(raw) ? raw : 0.0;
    if (shortCount == shortRing.length) {
      shortSum -= shortRing[shortNext];
    } else {
      shortCount++;
    }
    shortRing[shortNext] = value;
    shortNext = (shortNext + 1) % shortRing.length;
    shortSum += value;
    double average = shortSum / shortCount;
    double score = historyCount >= params.warmup() ? score(average) : 0.0;
    remember(average);
    return score;
  }

  private double score(double average) {
    double mean = historySum / historyCount;
    double variance = Math.max(0.0, historySumSquares / historyCount - mean * mean);
    double std = Math.max(params.minStd(), Math.sqrt(variance));
    double z = (average - mean) / std;
    if (!(z > 0)) {
      return 0.0;
    }
    double surprise = -log10UpperTail(z);
    return surprise / (surprise + params.halfSurprise());
  }

  private void remember(double average) {
    if (historyCount == history.length) {
      double old = history[historyNext];
      historySum -= old;
      historySumSquares -= old * old;
    } else {
      historyCount++;
    }
    history[historyNext] = average;
    historyNext = (historyNext + 1) % history.length;
    historySum += average;
    historySumSquares += average * average;
  }

  /**
   * log10 of the standard normal upper tail Q(z) for z >= 0, through the Chebyshev-fitted
   * complementary error function of Numerical Recipes (fractional error below 1.2e-7), computed in
   * the log domain so that it stays finite far into the tail.
   */
  static double log10UpperTail(double z) {
    double x = z / Math.sqrt(2.0);
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double lnErfc = Math.log(t) - x * x + poly;
    return (lnErfc + Math.log(0.5)) / Math.log(10.0);
  }
}
