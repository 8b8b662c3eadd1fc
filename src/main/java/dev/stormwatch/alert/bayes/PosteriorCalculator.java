package dev.stormwatch.alert.bayes;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Bayes' rule on a window score: posterior = LR*p / (LR*p + 1 - p), with LR from the {@link
 * ScoreLikelihood} and p the {@link BetaPrior} mean, then a warning level.
 *
 * <p>Uncertainty: the prior's 90% interval pushed through the same formula gives a posterior band
 * (prior part); the model's score spread (a standard deviation, e.g. of an ensemble or MC-dropout
 * score set) pushed through it at score +/- 1.645 sd gives another (model part); the two widths are
 * combined in quadrature as independent sources, capped at 1.
 *
 * <p>Levels: critical from {@code criticalThreshold}, error from {@code errorThreshold}, warning
 * from {@code warningThreshold} only while the posterior is rising (above the previous window's);
 * when the uncertainty exceeds {@code uncertaintyLimit} an alerting level becomes info, or none if
 * {@code holdBackUncertain}.
 */
public final class PosteriorCalculator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double Z90 = 1.6448536269514722;

  private final double warningThreshold;
  private final double errorThreshold;
  private final double criticalThreshold;
  private final double uncertaintyLimit;
  private final boolean holdBackUncertain;

  public PosteriorCalculator(double warningThreshold, double errorThreshold, double criticalThreshold,
      double uncertaintyLimit, boolean holdBackUncertain) {
    if (!(warningThreshold <= errorThreshold && errorThreshold <= criticalThreshold)) {
      throw new IllegalArgumentException("thresholds must be warning <= error <= critical");
    }
    this.warningThreshold = warningThreshold;
    this.errorThreshold = errorThreshold;
    this.criticalThreshold = criticalThreshold;
    this.uncertaintyLimit = uncertaintyLimit;
    this.holdBackUncertain = holdBackUncertain;
  }

  /** Warning 0.5, error 0.8, critical 0.95, uncertain above 0.5 -> info. */
  public static PosteriorCalculator defaults() {
    return new PosteriorCalculator(0.5, 0.8, 0.95, 0.5, false);
  }

  /** LR*p / (LR*p + 1 - p). */
  public static double posterior(double likelihoodRatio, double prior) {
    double num = likelihoodRatio * prior;
    return num / (num + 1 - prior);
  }

  /**
   * Evaluates one window.
   *
   * @param previousPosterior the key's posterior for its previous window, NaN if none
   * @param modelSpread the standard deviation of the model's scores for this window (0 if one model)
   */
  public PosteriorResult evaluate(double score, ScoreLikelihood likelihood, BetaPrior prior,
      double modelSpread, double previousPosterior) {
    return evaluate(score, likelihood::likelihoodRatio, prior, modelSpread, previousPosterior);
  }

  /** As {@link #evaluate(double, ScoreLikelihood, BetaPrior, double, double)} with any score -> LR map. */
  public PosteriorResult evaluate(double score, DoubleUnaryOperator likelihoodRatio, BetaPrior prior,
      double modelSpread, double previousPosterior) {
    double lr = likelihoodRatio.applyAsDouble(score);
    double p = prior.mean();
    double post = posterior(lr, p);
    double[] ci = prior.credibleInterval90();
    double priorWidth = posterior(lr, ci[1]) - posterior(lr, ci[0]);
    double spread = Double.isNaN(modelSpread) ? 0 : Math.abs(modelSpread);
    double modelWidth = Math.abs(posterior(likelihoodRatio.applyAsDouble(Math.min(1, score + Z90 * spread)), p)
        - posterior(likelihoodRatio.applyAsDouble(Math.max(0, score - Z90 * spread)), p));
    double uncertainty = Math.min(1, Math.hypot(priorWidth, modelWidth));

    boolean rising = Double.isNaN(previousPosterior) || post > previousPosterior;
    String level;
    String reason;
    if (post >= criticalThreshold) {
      level = PosteriorResult.CRITICAL;
      reason = "above critical " + fmt(criticalThreshold);
    } else if (post >= errorThreshold) {
      level = PosteriorResult.ERROR;
      reason = "above error " + fmt(errorThreshold);
    } else if (post >= warningThreshold && rising) {
      level = PosteriorResult.WARNING;
      reason = "rising past early-warning " + fmt(warningThreshold)
          + (Double.isNaN(previousPosterior) ? "" : " (was " + fmt(previousPosterior) + ")");
    } else if (post >= warningThreshold) {
      level = PosteriorResult.NONE;
      reason = "above early-warning " + fmt(warningThreshold) + " but not rising (was "
          + fmt(previousPosterior) + ")";
    } else {
      level = PosteriorResult.NONE;
      reason = "below early-warning " + fmt(warningThreshold);
    }
    if (!level.equals(PosteriorResult.NONE) && uncertainty > uncertaintyLimit) {
      reason = reason + "; uncertainty " + fmt(uncertainty) + " above " + fmt(uncertaintyLimit)
          + (holdBackUncertain ? ", held back" : ", downgraded to info from " + level);
      level = holdBackUncertain ? PosteriorResult.NONE : PosteriorResult.INFO;
    }
    String why = String.format(Locale.ROOT,
        "P(incident)=%.3f from score %.3f (likelihood ratio %.3g) and prior rate %.4f "
            + "(90%% CI %.4f-%.4f); uncertainty %.3f (prior %.3f, model %.3f): %s",
        post, score, lr, p, ci[0], ci[1], uncertainty, priorWidth, modelWidth, reason);
    return new PosteriorResult(post, uncertainty, level, why);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
