package dev.stormwatch.model;

import java.util.HashSet;
import java.util.List;

/**
 * Settings of one training run.
 *
 * @param modelVersion version written into the manifest ({@code hybrid-<version>} in alerts)
 * @param seed seeds the engine (initial weights) and the injection and shuffling
 * @param epochs passes over the training examples
 * @param batchSize examples per step
 * @param learningRate Adam learning rate
 * @param vocabularySize most metric channels kept (the most frequent names)
 * @param holdoutFraction newest share of windows held out for evaluation
 * @param injectFraction share of normal windows that also yield a synthetic anomaly
 * @param clip normalised values are clipped to [-clip, clip]
 * @param compressAbove sigmas beyond which deviations grow logarithmically ({@link FeatureSchema});
 *     0: clipped only
 * @param minBaselineSamples steps a metric baseline must have learned before its channel is used
 * @param benignFraction share of normal windows that also yield a benign change (still normal)
 * @param logTokens log-template tokens per window (0: log branch off)
 * @param architecture which network stages to train (ablations)
 * @param channels the metric channels to use, in this order (empty: the {@code vocabularySize}
 *     most frequent names)
 * @param coupling correlation (in magnitude, over the normal training windows) from which a
 *     channel moves with an injected anomaly on its partner ({@link ChannelCoupling}); 0: off
 * @param offsetFraction share of normal windows that also yield a copy offset over the whole
 *     window (still normal: a baseline that has not caught up with a new level, not an onset)
 */
public record TrainingOptions(
    String modelVersion, long seed, int epochs, int batchSize, double learningRate,
    int vocabularySize, double holdoutFraction, double injectFraction, double clip,
    double compressAbove, long minBaselineSamples, double benignFraction, int logTokens,
    Architecture architecture, List<String> channels, double coupling, double offsetFraction) {

  /**
   * Sigmas beyond which deviations are compressed by default: none, they are clipped. Compressing
   * above 3 sigmas did not help on the demo scenario (within seed noise) nor on Nezha TrainTicket
   * (docs/hybrid-model.md, "Compressing large deviations").
   */
  public static final double DEFAULT_COMPRESS_ABOVE = 0;

  public TrainingOptions {
    if (epochs < 1 || batchSize < 2 || !(learningRate > 0) || vocabularySize < 1
        || !(holdoutFraction > 0 && holdoutFraction < 1) || !(injectFraction > 0)
        || !(clip > 0) || !(compressAbove >= 0 && compressAbove < clip) || minBaselineSamples < 0
        || !(benignFraction >= 0 && benignFraction < 1)
        || logTokens < 0 || architecture == null || channels == null
        || !(coupling >= 0 && coupling <= 1) || !(offsetFraction >= 0 && offsetFraction < 1)) {
      throw new IllegalArgumentException("invalid training options: " + modelVersion);
    }
    channels = List.copyOf(channels);
    if (new HashSet<>(channels).size() != channels.size()) {
      throw new IllegalArgumentException("a channel is named twice: " + channels);
    }
  }

  /** The most frequent channels, as below. */
  public TrainingOptions(String modelVersion, long seed, int epochs, int batchSize,
      double learningRate, int vocabularySize, double holdoutFraction, double injectFraction,
      double clip, long minBaselineSamples, double benignFraction, int logTokens,
      Architecture architecture) {
    this(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize, holdoutFraction,
        injectFraction, clip, DEFAULT_COMPRESS_ABOVE, minBaselineSamples, benignFraction, logTokens,
        architecture, List.of(), 0, 0);
  }

  /** Telemetry only, no benign changes, the full architecture. */
  public TrainingOptions(String modelVersion, long seed, int epochs, int batchSize,
      double learningRate, int vocabularySize, double holdoutFraction, double injectFraction,
      double clip, long minBaselineSamples) {
    this(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize, holdoutFraction,
        injectFraction, clip, minBaselineSamples, 0, 0, Architecture.FULL);
  }

  /**
   * Defaults: 6 epochs of batch 64 at 2e-3, 8 metric channels, 20 % held out, half injected, a
   * quarter with a benign change, 8 log tokens, the full architecture.
   */
  public static TrainingOptions defaults(String modelVersion, long seed) {
    return new TrainingOptions(modelVersion, seed, 6, 64, 2e-3, 8, 0.2, 0.5, 8.0, 30, 0.25,
        LogBranch.DEFAULT_TOKENS, Architecture.FULL);
  }

  public TrainingOptions withEpochs(int n) {
    return new TrainingOptions(modelVersion, seed, n, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, coupling, offsetFraction);
  }

  public TrainingOptions withLogTokens(int n) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction, n,
        architecture, channels, coupling, offsetFraction);
  }

  public TrainingOptions withBenignFraction(double f) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, f, logTokens,
        architecture, channels, coupling, offsetFraction);
  }

  public TrainingOptions withArchitecture(Architecture a) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, a, channels, coupling, offsetFraction);
  }

  public TrainingOptions withModelVersion(String version) {
    return new TrainingOptions(version, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, coupling, offsetFraction);
  }

  /** The same with another seed (a further member of a seed ensemble). */
  public TrainingOptions withSeed(long s) {
    return new TrainingOptions(modelVersion, s, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, coupling, offsetFraction);
  }

  /** The same, with channels picked by name ({@code channels}) or, when empty, by frequency. */
  public TrainingOptions withChannels(List<String> names) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, names, coupling, offsetFraction);
  }

  /** The same, compressing deviations beyond {@code sigmas} (0: clipped only). */
  public TrainingOptions withCompressAbove(double sigmas) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, sigmas, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, coupling, offsetFraction);
  }

  /** The same, moving channels correlated at least {@code r} with an injected anomaly's channel. */
  public TrainingOptions withCoupling(double r) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, r, offsetFraction);
  }

  /** The same, with a share {@code f} of normal windows also offset over the whole window. */
  public TrainingOptions withOffsetFraction(double f) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, vocabularySize,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, channels, coupling, f);
  }

  /** The same, with the {@code n} most frequent channels. */
  public TrainingOptions withVocabularySize(int n) {
    return new TrainingOptions(modelVersion, seed, epochs, batchSize, learningRate, n,
        holdoutFraction, injectFraction, clip, compressAbove, minBaselineSamples, benignFraction,
        logTokens, architecture, List.of(), coupling, offsetFraction);
  }
}
