package dev.stormwatch.alert;

import java.io.Serializable;

/**
 * How the alert operator learns from operator feedback.
 *
 * @param halfLifeMillis feedback evidence (per key and pooled per provider) halves in weight
 *     after this much event time
 * @param pooledWeight pseudo-windows one verdict adds to its provider's pool (the per-key update
 *     uses the alert's own window count, which only the key's subtask knows)
 * @param serviceCap most pseudo-windows one service contributes to its provider's prior
 */
public record FeedbackLearning(long halfLifeMillis, double pooledWeight, double serviceCap)
    implements Serializable {

  public static final long DEFAULT_HALF_LIFE_MILLIS = 14L * 24 * 3600 * 1000;

  public FeedbackLearning {
    if (halfLifeMillis <= 0 || !(pooledWeight > 0) || !(serviceCap > 0)) {
      throw new IllegalArgumentException("feedback half-life, pooled weight and service cap must be > 0");
    }
  }

  /**
   * Two-week half-life; a verdict pools as 10 windows (a typical alert's length with the default
   * 10-minute window); a service adds at most a quarter of the configured prior's strength.
   */
  public static FeedbackLearning defaults(double priorStrength) {
    return new FeedbackLearning(DEFAULT_HALF_LIFE_MILLIS, 10, priorStrength / 4);
  }
}
