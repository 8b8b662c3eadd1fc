package dev.stormwatch.eval.peer;

/**
 * Settings of the per-key Random Cut Forest detector.
 *
 * @param shingleSize consecutive steps per forest point (internal shingling)
 * @param trees trees in each key's forest
 * @param sampleSize points each tree keeps
 * @param vocabularySteps fewest steps a key's metric names and units are collected from before its
 *     forest is built at the key's first live window
 * @param maxVocabularySteps most steps collected (the forest is built then, even during warm-up)
 * @param anomalyRate the expected anomaly rate given to the thresholder
 * @param scoreAtThreshold the [0, 1] score that an RCF score equal to the forest's adaptive
 *     threshold maps to (the alert threshold, so that alerting means "above RCF's threshold")
 * @param sharpness exponent k of the mapping {@code 1 - (1 - s0)^(r^k)} of the ratio r of the RCF
 *     score to the threshold: with k = 3 and s0 = 0.7, r = 0.8 maps to 0.46 (below the default
 *     resolve threshold) and r = 1.2 to 0.88
 * @param seed base random seed (combined with the key's hash)
 */
public record RcfKeySettings(
    int shingleSize,
    int trees,
    int sampleSize,
    int vocabularySteps,
    int maxVocabularySteps,
    double anomalyRate,
    double scoreAtThreshold,
    double sharpness,
    long seed) {

  /**
   * The defaults: shingle 6, 40 trees, 256 samples, vocabulary and units from the warm-up (at least
   * an hour, at most a day), anomaly rate 0.5%, threshold -> 0.7, k 3.
   */
  public static RcfKeySettings defaults() {
    return new RcfKeySettings(6, 40, 256, 60, 1440, 0.005, 0.7, 3.0, 20260302L);
  }

  /** These settings with another score at the threshold (use the alert threshold). */
  public RcfKeySettings withScoreAtThreshold(double score) {
    return new RcfKeySettings(
        shingleSize, trees, sampleSize, vocabularySteps, maxVocabularySteps, anomalyRate, score,
        sharpness, seed);
  }

  /** Throws IllegalArgumentException on a setting the forest cannot use. */
  public RcfKeySettings validate() {
    if (shingleSize < 1 || trees < 1 || sampleSize < 16 || vocabularySteps < 1
        || maxVocabularySteps < vocabularySteps) {
      throw new IllegalArgumentException("RCF shingle, trees, sample size and vocabulary must be positive");
    }
    if (!(scoreAtThreshold > 0 && scoreAtThreshold < 1) || !(sharpness > 0)) {
      throw new IllegalArgumentException("RCF score at threshold must be in (0, 1) and sharpness > 0");
    }
    return this;
  }
}
