package dev.stormwatch.eval.peer;

/**
 * Settings of the per-key Random Cut Forest detector.
 *
 * @param shingleSize consecutive steps per forest point (internal shingling)
 * @param trees trees in each key's forest
 * @param sampleSize points each tree keeps
 * @param vocabularySteps steps a key's metric names are collected before its forest is built
 * @param anomalyRate the expected anomaly rate given to the thresholder
 * @param scoreAtThreshold the [0, 1] score that an RCF score equal to the forest's adaptive
 *     threshold maps to (the alert threshold, so that alerting means "above RCF's threshold")
 * @param seed base random seed (combined with the key's hash)
 */
public record RcfKeySettings(
    int shingleSize,
    int trees,
    int sampleSize,
    int vocabularySteps,
    double anomalyRate,
    double scoreAtThreshold,
    long seed) {

  /** The defaults: shingle 6, 40 trees, 256 samples, one hour of vocabulary, threshold -> 0.7. */
  public static RcfKeySettings defaults() {
    return new RcfKeySettings(6, 40, 256, 60, 0.005, 0.7, 20260302L);
  }

  /** These settings with another score at the threshold (use the alert threshold). */
  public RcfKeySettings withScoreAtThreshold(double score) {
    return new RcfKeySettings(
        shingleSize, trees, sampleSize, vocabularySteps, anomalyRate, score, seed);
  }

  /** Throws IllegalArgumentException on a setting the forest cannot use. */
  public RcfKeySettings validate() {
    if (shingleSize < 1 || trees < 1 || sampleSize < 16 || vocabularySteps < 1) {
      throw new IllegalArgumentException("RCF shingle, trees, sample size and vocabulary must be positive");
    }
    if (!(scoreAtThreshold > 0 && scoreAtThreshold < 1)) {
      throw new IllegalArgumentException("RCF score at threshold must be in (0, 1)");
    }
    return this;
  }
}
