package dev.stormwatch.eval.nab.hybrid;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineSeriesScorer;
import dev.stormwatch.detect.DailyCycle;
import dev.stormwatch.model.Architecture;
import dev.stormwatch.model.TrainingOptions;

/**
 * The settings of the {@code hybrid} NAB detector, the same for every file: how a univariate
 * series becomes baseline-annotated windows and how the per-file telemetry-only model is trained
 * on its probationary period.
 *
 * @param windowSteps steps per window (the job's 10; one value per step)
 * @param maturitySamples values a baseline must have learned before its z-scores are features
 *     (both {@code metricMatureSamples} and {@code minBaselineSamples})
 * @param hourBucketDays an hour-of-day bucket takes over from the global one after the samples
 *     this many days give it at the series' step (clamped to 2..30 samples)
 * @param ewmaAlpha baseline adaptation per sample
 * @param epochs training passes over the probationary examples
 * @param batchSize examples per step
 * @param learningRate Adam learning rate
 * @param injectFraction share of normal windows that also yield a synthetic anomaly
 * @param benignFraction share of normal windows that also yield a benign change
 * @param holdoutFraction newest share of the probationary windows held out (AUC in the progress line)
 * @param seed seeds the engine, the injections and the shuffling (deterministic per file)
 * @param onsetMemorySteps memory of the onset weighting of the scores (0: raw model scores)
 * @param retrainEveryRows after the probationary period, a fresh model is trained every this many
 *     scored rows on the newest windows seen so far (0: the probationary model scores the file)
 * @param retrainWindows newest windows a retrained model learns from
 * @param minDailyCorrelation the baseline keeps an hour-of-day profile only when the probation's
 *     even and odd days agree at least this well hour by hour ({@link DailyCycle}), or when it
 *     covers under two days (too short to tell); otherwise it has no daily profile
 * @param compressAbove deviations beyond this many scales are compressed before the clip (0: clipped only)
 * @param architecture the network's stages (the full model, or one of the paper's ablations)
 * @param offsetFraction share of normal windows that also yield a copy offset by 2-6 scales over
 *     the whole window, labelled normal (a baseline lagging a level, not an onset; 0: none)
 */
public record HybridNabSettings(
    int windowSteps, int maturitySamples, double hourBucketDays, double ewmaAlpha, int epochs,
    int batchSize, double learningRate, double injectFraction, double benignFraction,
    double holdoutFraction, long seed, double onsetMemorySteps, int retrainEveryRows,
    int retrainWindows, double minDailyCorrelation, double compressAbove, Architecture architecture,
    double offsetFraction) {
  /** Normalised features are clipped to +-this many baseline scales (as in the job). */
  static final double CLIP = 8.0;
  private static final long HOUR_MILLIS = 3_600_000L;

  public HybridNabSettings {
    if (windowSteps < 7 || maturitySamples < 2 || !(hourBucketDays > 0) || epochs < 1
        || onsetMemorySteps < 0 || (onsetMemorySteps > 0 && onsetMemorySteps < 1)
        || retrainEveryRows < 0 || retrainWindows < 2 || !(minDailyCorrelation >= -1)
        || minDailyCorrelation > 1 || !(compressAbove >= 0 && compressAbove < CLIP)
        || architecture == null || !(offsetFraction >= 0 && offsetFraction < 1)) {
      throw new IllegalArgumentException("invalid hybrid NAB settings");
    }
  }

  /**
   * The defaults: 10-step windows, baselines used after 30 values, hour-of-day buckets mature after
   * 2 days of data, a slow baseline (0.5 % a sample, a memory of about 200 values, where the
   * baseline row adapts 2 %), 3 epochs of batch 32 at 3e-3, half the windows injected, a quarter
   * benign, 10 % held out, seed 7, scores onset-weighted over 10 steps, a fresh model every 500
   * scored rows trained on the newest 2,000 windows, an hour-of-day profile only where the
   * probation's alternate days correlate at 0.7 or more, deviations clipped (not compressed). The adaptation and the correlation were
   * chosen on realTweets alone (docs/evaluation.md, "Hybrid model on NAB").
   */
  public static HybridNabSettings defaults() {
    return new HybridNabSettings(
        10, 30, 2, 0.005, 3, 32, 3e-3, 0.5, 0.25, 0.1, 7, 10, 500, 2000, 0.7, 0, Architecture.FULL, 0);
  }

  /** A copy that keeps the probationary model for the whole file. */
  public HybridNabSettings withoutRetraining() {
    return new HybridNabSettings(windowSteps, maturitySamples, hourBucketDays, ewmaAlpha, epochs,
        batchSize, learningRate, injectFraction, benignFraction, holdoutFraction, seed,
        onsetMemorySteps, 0, retrainWindows, minDailyCorrelation, compressAbove, architecture,
        offsetFraction);
  }

  /** A copy with another onset memory (0: raw scores). */
  public HybridNabSettings withOnsetMemorySteps(double steps) {
    return new HybridNabSettings(windowSteps, maturitySamples, hourBucketDays, ewmaAlpha, epochs,
        batchSize, learningRate, injectFraction, benignFraction, holdoutFraction, seed, steps,
        retrainEveryRows, retrainWindows, minDailyCorrelation, compressAbove, architecture,
        offsetFraction);
  }

  /** A copy whose models see deviations beyond {@code sigmas} compressed (FeatureSchema). */
  public HybridNabSettings withCompressAbove(double sigmas) {
    return new HybridNabSettings(windowSteps, maturitySamples, hourBucketDays, ewmaAlpha, epochs,
        batchSize, learningRate, injectFraction, benignFraction, holdoutFraction, seed,
        onsetMemorySteps, retrainEveryRows, retrainWindows, minDailyCorrelation, sigmas, architecture,
        offsetFraction);
  }

  /** A copy whose models have other stages (one of the paper's ablations). */
  public HybridNabSettings withArchitecture(Architecture a) {
    return new HybridNabSettings(windowSteps, maturitySamples, hourBucketDays, ewmaAlpha, epochs,
        batchSize, learningRate, injectFraction, benignFraction, holdoutFraction, seed,
        onsetMemorySteps, retrainEveryRows, retrainWindows, minDailyCorrelation, compressAbove, a,
        offsetFraction);
  }

  /** A copy whose training adds whole-window offsets to this share of normal windows. */
  public HybridNabSettings withOffsetFraction(double fraction) {
    return new HybridNabSettings(windowSteps, maturitySamples, hourBucketDays, ewmaAlpha, epochs,
        batchSize, learningRate, injectFraction, benignFraction, holdoutFraction, seed,
        onsetMemorySteps, retrainEveryRows, retrainWindows, minDailyCorrelation, compressAbove,
        architecture, fraction);
  }

  /**
   * Whether a series whose probation's alternate days correlate hour by hour at {@code
   * dailyCorrelation} ({@link DailyCycle#alternateDayCorrelation}; NaN under two days) gets an
   * hour-of-day profile.
   */
  public boolean hourProfile(double dailyCorrelation) {
    return Double.isNaN(dailyCorrelation) || dailyCorrelation >= minDailyCorrelation;
  }

  /**
   * The baseline of a series sampled every {@code stepMillis}: the series defaults, these
   * maturities, and an hour-of-day profile only with {@code hourProfile}.
   */
  public BaselineConfig baselineConfig(long stepMillis, boolean hourProfile) {
    return BaselineSeriesScorer.seriesDefaults().toBuilder()
        .stepMillis(stepMillis)
        .windowSteps(windowSteps)
        .ewmaAlpha(ewmaAlpha)
        .metricMatureSamples(maturitySamples)
        .hourOfDay(hourProfile)
        .hourMatureSamples(hourMatureSamples(stepMillis))
        .build();
  }

  /** Samples an hour-of-day bucket receives in {@code hourBucketDays} at this step, in 2..30. */
  int hourMatureSamples(long stepMillis) {
    double perHour = Math.max(1.0, (double) HOUR_MILLIS / stepMillis);
    return (int) Math.max(2, Math.min(30, Math.round(hourBucketDays * perHour)));
  }

  /** Telemetry-only training options (one metric channel, log branch off, these stages). */
  public TrainingOptions trainingOptions() {
    return new TrainingOptions("nab", seed, epochs, batchSize, learningRate, 1, holdoutFraction,
        injectFraction, CLIP, maturitySamples, benignFraction, 0, architecture)
        .withCompressAbove(compressAbove)
        .withOffsetFraction(offsetFraction);
  }
}
