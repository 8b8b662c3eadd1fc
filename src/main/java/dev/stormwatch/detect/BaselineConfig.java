package dev.stormwatch.detect;

import java.io.Serializable;

/**
 * Validated, immutable parameters of the seasonal baseline ({@link BaselineModel}) and its
 * detector ({@link BaselineDetector}); build one with {@link #builder()}, defaults suit 1-minute
 * steps and 10-step windows.
 *
 * <p>Maturity rules: a metric is scored once its baseline has learned {@link #metricMatureSamples}
 * steps; with {@link #hourOfDay}, an hour-of-day bucket takes over from the global bucket linearly
 * until it holds {@link #hourMatureSamples} samples; the log baseline is mature after {@link #logMatureSamples} steps
 * counted from the key's first log line, and only templates first seen after that are novel.
 *
 * <p>Routine exceedances: a mature metric whose steps often land beyond {@link #winsorK} scales
 * (bursty or zero-inflated series) gets its scale widened, linearly from {@link
 * #routineExceedRate} to {@link #routineExceedRateFull} (in log space), until the 80th percentile
 * of past exceedances reads as winsorK sigmas; the rate learns slowly ({@link #exceedAlpha}) so one incident does not teach it.
 */
public final class BaselineConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Step (pane) length in milliseconds. */
  public final long stepMillis;
  /** Window length in steps. */
  public final int windowSteps;
  /** How many of the window's most recent steps the detector scores. */
  public final int recentSteps;
  /** Rank of the |z| taken among the recent steps: 2 means two steps must deviate (persistence). */
  public final int persistenceRank;
  /** EWMA weight of one sample in a bucket (the memory is about 1/alpha samples of that bucket). */
  public final double ewmaAlpha;
  /** Multiplier of alpha for samples beyond {@link #winsorK} scales, so incidents teach slowly. */
  public final double outlierWeight;
  /** Winsorising bound: updates are clipped to center ± winsorK · scale. */
  public final double winsorK;
  /** Samples a baseline must hold before its updates are winsorised. */
  public final int clipAfterSamples;
  /**
   * Whether the baseline keeps an hour-of-day profile (24 hour buckets that take over from the
   * global one as they mature); false: the global bucket alone, for series without a daily rhythm.
   */
  public final boolean hourOfDay;
  /** Samples after which an hour-of-day bucket fully replaces the global bucket. */
  public final int hourMatureSamples;
  /** Samples after which a metric's baseline is used for scoring. */
  public final int metricMatureSamples;
  /** Steps (since the first log line) after which the log baseline and novelty are used. */
  public final int logMatureSamples;
  /** Smallest metric scale as a fraction of |center|. */
  public final double relativeScaleFloor;
  /** Smallest metric scale in the metric's own unit. */
  public final double absoluteScaleFloor;
  /** Log count scales are at least sqrt(max(mean, poissonMinMean)) (Poisson noise). */
  public final double poissonMinMean;
  /** EWMA weight of one step in a metric's exceedance rate (steps beyond winsorK scales). */
  public final double exceedAlpha;
  /** Exceedance rate above which exceedances count as routine and start widening the scale. */
  public final double routineExceedRate;
  /** Exceedance rate at which a typical exceedance is scaled down to winsorK sigmas. */
  public final double routineExceedRateFull;
  /** The default of {@link #maxMetrics} (and of the job's {@code window.max-metrics}). */
  public static final int DEFAULT_MAX_METRICS = 64;

  /** Most metrics one key's model keeps. */
  public final int maxMetrics;
  /** Most known log templates one key's model keeps (the stalest is evicted). */
  public final int maxTemplates;
  /** A metric unseen for this long may have its slot recycled for a new metric. */
  public final long metricExpiryMillis;
  /** Evidence (in sigmas) below which the score is 0. */
  public final double scoreZ0;
  /** Score = 1 - exp(-(evidence - z0) / scoreScale). */
  public final double scoreScale;
  /** Share of each further signal's excess over z0 added to the strongest signal's evidence. */
  public final double otherSignalBonus;
  /** Evidence of one novel ERROR/FATAL template in the recent steps (+1 per further template). */
  public final double novelErrorSigma;
  /** Evidence of one novel WARN template in the recent steps (+0.5 per further template). */
  public final double novelWarnSigma;
  /** Evidence of one novel INFO template in the recent steps; 0 ignores them. */
  public final double novelInfoSigma;
  /** Multiplier of the warn-count excess (warn floods are weaker evidence than errors). */
  public final double warnRateWeight;
  /** Multiplier of |z| when only one recent step of a metric has a value (no persistence). */
  public final double singleSampleWeight;
  /** Steps of memory of the template discovery rate (see {@link TemplateNovelty}). */
  public final double noveltyMemorySteps;
  /** Chance below which a new template is too unlikely to be a background discovery (novel). */
  public final double novelTemplateAlpha;
  /** Regex (case-insensitive, whole name) of demand metrics (request rates): a rise is load, not failure. */
  public final String demandMetricPattern;
  /** Multiplier of a demand metric's evidence when it rises (drops keep full weight). */
  public final double demandRiseWeight;
  /** Multiplier of a metric's window-long drift evidence (see {@link DriftEvidence}); 0 off. */
  public final double driftWeight;
  /** Regex (case-insensitive, whole name) of resource metrics (cpu, memory, disk, pools): causes, not symptoms. */
  public final String resourceMetricPattern;
  /** Multiplier of a resource metric's evidence when its level rises without drifting. */
  public final double resourceRiseWeight;
  /** Most contributors reported per result. */
  public final int maxContributors;

  private BaselineConfig(Builder b) {
    stepMillis = b.stepMillis;
    windowSteps = b.windowSteps;
    recentSteps = b.recentSteps;
    persistenceRank = b.persistenceRank;
    ewmaAlpha = b.ewmaAlpha;
    outlierWeight = b.outlierWeight;
    winsorK = b.winsorK;
    clipAfterSamples = b.clipAfterSamples;
    hourOfDay = b.hourOfDay;
    hourMatureSamples = b.hourMatureSamples;
    metricMatureSamples = b.metricMatureSamples;
    logMatureSamples = b.logMatureSamples;
    relativeScaleFloor = b.relativeScaleFloor;
    absoluteScaleFloor = b.absoluteScaleFloor;
    poissonMinMean = b.poissonMinMean;
    exceedAlpha = b.exceedAlpha;
    routineExceedRate = b.routineExceedRate;
    routineExceedRateFull = b.routineExceedRateFull;
    maxMetrics = b.maxMetrics;
    maxTemplates = b.maxTemplates;
    metricExpiryMillis = b.metricExpiryMillis;
    scoreZ0 = b.scoreZ0;
    scoreScale = b.scoreScale;
    otherSignalBonus = b.otherSignalBonus;
    novelErrorSigma = b.novelErrorSigma;
    novelWarnSigma = b.novelWarnSigma;
    novelInfoSigma = b.novelInfoSigma;
    warnRateWeight = b.warnRateWeight;
    singleSampleWeight = b.singleSampleWeight;
    noveltyMemorySteps = b.noveltyMemorySteps;
    novelTemplateAlpha = b.novelTemplateAlpha;
    demandMetricPattern = b.demandMetricPattern;
    demandRiseWeight = b.demandRiseWeight;
    driftWeight = b.driftWeight;
    resourceMetricPattern = b.resourceMetricPattern;
    resourceRiseWeight = b.resourceRiseWeight;
    maxContributors = b.maxContributors;
  }

  /** The defaults: 1-minute steps, 10-step windows. */
  public static BaselineConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.stepMillis = stepMillis;
    b.windowSteps = windowSteps;
    b.recentSteps = recentSteps;
    b.persistenceRank = persistenceRank;
    b.ewmaAlpha = ewmaAlpha;
    b.outlierWeight = outlierWeight;
    b.winsorK = winsorK;
    b.clipAfterSamples = clipAfterSamples;
    b.hourOfDay = hourOfDay;
    b.hourMatureSamples = hourMatureSamples;
    b.metricMatureSamples = metricMatureSamples;
    b.logMatureSamples = logMatureSamples;
    b.relativeScaleFloor = relativeScaleFloor;
    b.absoluteScaleFloor = absoluteScaleFloor;
    b.poissonMinMean = poissonMinMean;
    b.exceedAlpha = exceedAlpha;
    b.routineExceedRate = routineExceedRate;
    b.routineExceedRateFull = routineExceedRateFull;
    b.maxMetrics = maxMetrics;
    b.maxTemplates = maxTemplates;
    b.metricExpiryMillis = metricExpiryMillis;
    b.scoreZ0 = scoreZ0;
    b.scoreScale = scoreScale;
    b.otherSignalBonus = otherSignalBonus;
    b.novelErrorSigma = novelErrorSigma;
    b.novelWarnSigma = novelWarnSigma;
    b.novelInfoSigma = novelInfoSigma;
    b.warnRateWeight = warnRateWeight;
    b.singleSampleWeight = singleSampleWeight;
    b.noveltyMemorySteps = noveltyMemorySteps;
    b.novelTemplateAlpha = novelTemplateAlpha;
    b.demandMetricPattern = demandMetricPattern;
    b.demandRiseWeight = demandRiseWeight;
    b.driftWeight = driftWeight;
    b.resourceMetricPattern = resourceMetricPattern;
    b.resourceRiseWeight = resourceRiseWeight;
    b.maxContributors = maxContributors;
    return b;
  }

  /** Maps combined evidence (in sigmas) to a score in [0, 1]. */
  public double scoreOf(double evidence) {
    return 1.0 - Math.exp(-Math.max(0.0, evidence - scoreZ0) / scoreScale);
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private long stepMillis = 60_000L;
    private int windowSteps = 10;
    private int recentSteps = 3;
    private int persistenceRank = 2;
    private double ewmaAlpha = 0.01;
    private double outlierWeight = 0.25;
    private double winsorK = 3.0;
    private int clipAfterSamples = 10;
    private boolean hourOfDay = true;
    private int hourMatureSamples = 30;
    private int metricMatureSamples = 30;
    private int logMatureSamples = 30;
    private double relativeScaleFloor = 0.02;
    private double absoluteScaleFloor = 1e-6;
    private double poissonMinMean = 1.0;
    private double exceedAlpha = 0.0002;
    private double routineExceedRate = 0.02;
    private double routineExceedRateFull = 0.08;
    private int maxMetrics = DEFAULT_MAX_METRICS;
    private int maxTemplates = 512;
    private long metricExpiryMillis = 2 * 86_400_000L;
    private double scoreZ0 = 3.0;
    private double scoreScale = 2.0;
    private double otherSignalBonus = 0.5;
    private double novelErrorSigma = 7.0;
    private double novelWarnSigma = 4.0;
    private double novelInfoSigma = 0.0;
    private double warnRateWeight = 0.6;
    private double singleSampleWeight = 0.5;
    private double noveltyMemorySteps = 1440.0;
    private double novelTemplateAlpha = 1e-3;
    private String demandMetricPattern = "(.*[_.])?(requests?|rps|qps|throughput)([_.].*)?";
    private double demandRiseWeight = 0.3;
    private double driftWeight = 1.5;
    private String resourceMetricPattern = "(.*[_.])?(cpu|mem|memory|disk|pool|conn)([_.].*)?";
    private double resourceRiseWeight = 0.7;
    private int maxContributors = 5;

    private Builder() {}

    public Builder stepMillis(long v) { stepMillis = v; return this; }
    public Builder windowSteps(int v) { windowSteps = v; return this; }
    public Builder recentSteps(int v) { recentSteps = v; return this; }
    public Builder persistenceRank(int v) { persistenceRank = v; return this; }
    public Builder ewmaAlpha(double v) { ewmaAlpha = v; return this; }
    public Builder outlierWeight(double v) { outlierWeight = v; return this; }
    public Builder winsorK(double v) { winsorK = v; return this; }
    public Builder clipAfterSamples(int v) { clipAfterSamples = v; return this; }
    public Builder hourOfDay(boolean v) { hourOfDay = v; return this; }
    public Builder hourMatureSamples(int v) { hourMatureSamples = v; return this; }
    public Builder metricMatureSamples(int v) { metricMatureSamples = v; return this; }
    public Builder logMatureSamples(int v) { logMatureSamples = v; return this; }
    public Builder relativeScaleFloor(double v) { relativeScaleFloor = v; return this; }
    public Builder absoluteScaleFloor(double v) { absoluteScaleFloor = v; return this; }
    public Builder poissonMinMean(double v) { poissonMinMean = v; return this; }
    public Builder exceedAlpha(double v) { exceedAlpha = v; return this; }
    public Builder routineExceedRate(double v) { routineExceedRate = v; return this; }
    public Builder routineExceedRateFull(double v) { routineExceedRateFull = v; return this; }
    public Builder maxMetrics(int v) { maxMetrics = v; return this; }
    public Builder maxTemplates(int v) { maxTemplates = v; return this; }
    public Builder metricExpiryMillis(long v) { metricExpiryMillis = v; return this; }
    public Builder scoreZ0(double v) { scoreZ0 = v; return this; }
    public Builder scoreScale(double v) { scoreScale = v; return this; }
    public Builder otherSignalBonus(double v) { otherSignalBonus = v; return this; }
    public Builder novelErrorSigma(double v) { novelErrorSigma = v; return this; }
    public Builder novelWarnSigma(double v) { novelWarnSigma = v; return this; }
    public Builder novelInfoSigma(double v) { novelInfoSigma = v; return this; }
    public Builder warnRateWeight(double v) { warnRateWeight = v; return this; }
    public Builder singleSampleWeight(double v) { singleSampleWeight = v; return this; }
    public Builder noveltyMemorySteps(double v) { noveltyMemorySteps = v; return this; }
    public Builder novelTemplateAlpha(double v) { novelTemplateAlpha = v; return this; }
    public Builder demandMetricPattern(String v) { demandMetricPattern = v; return this; }
    public Builder demandRiseWeight(double v) { demandRiseWeight = v; return this; }
    public Builder driftWeight(double v) { driftWeight = v; return this; }
    public Builder resourceMetricPattern(String v) { resourceMetricPattern = v; return this; }
    public Builder resourceRiseWeight(double v) { resourceRiseWeight = v; return this; }
    public Builder maxContributors(int v) { maxContributors = v; return this; }

    /** Validates and freezes the parameters. */
    public BaselineConfig build() {
      require(stepMillis > 0, "stepMillis must be positive");
      require(windowSteps > 0, "windowSteps must be positive");
      require(recentSteps >= 1 && recentSteps <= windowSteps, "recentSteps must be in [1, windowSteps]");
      require(persistenceRank >= 1 && persistenceRank <= recentSteps,
          "persistenceRank must be in [1, recentSteps]");
      require(ewmaAlpha > 0 && ewmaAlpha <= 1, "ewmaAlpha must be in (0, 1]");
      require(outlierWeight > 0 && outlierWeight <= 1, "outlierWeight must be in (0, 1]");
      require(winsorK > 0 && Double.isFinite(winsorK), "winsorK must be positive");
      require(clipAfterSamples >= 1, "clipAfterSamples must be >= 1");
      require(hourMatureSamples >= 1, "hourMatureSamples must be >= 1");
      require(metricMatureSamples >= 1, "metricMatureSamples must be >= 1");
      require(logMatureSamples >= 1, "logMatureSamples must be >= 1");
      require(relativeScaleFloor >= 0, "relativeScaleFloor must be >= 0");
      require(absoluteScaleFloor > 0, "absoluteScaleFloor must be positive");
      require(poissonMinMean > 0, "poissonMinMean must be positive");
      require(exceedAlpha > 0 && exceedAlpha <= 1, "exceedAlpha must be in (0, 1]");
      require(routineExceedRate > 0 && routineExceedRateFull > routineExceedRate
          && routineExceedRateFull <= 1, "need 0 < routineExceedRate < routineExceedRateFull <= 1");
      require(maxMetrics >= 1 && maxMetrics <= 4096, "maxMetrics must be in [1, 4096]");
      require(maxTemplates >= 1 && maxTemplates <= 65536, "maxTemplates must be in [1, 65536]");
      require(metricExpiryMillis > 0, "metricExpiryMillis must be positive");
      require(scoreZ0 >= 0, "scoreZ0 must be >= 0");
      require(scoreScale > 0, "scoreScale must be positive");
      require(otherSignalBonus >= 0 && otherSignalBonus <= 1, "otherSignalBonus must be in [0, 1]");
      require(novelErrorSigma >= 0 && novelWarnSigma >= 0 && novelInfoSigma >= 0,
          "novel template evidence must be >= 0");
      require(warnRateWeight >= 0, "warnRateWeight must be >= 0");
      require(singleSampleWeight >= 0 && singleSampleWeight <= 1,
          "singleSampleWeight must be in [0, 1]");
      require(noveltyMemorySteps >= 1, "noveltyMemorySteps must be >= 1");
      require(novelTemplateAlpha > 0 && novelTemplateAlpha <= 1, "novelTemplateAlpha must be in (0, 1]");
      require(demandMetricPattern != null, "demandMetricPattern must not be null"); java.util.regex.Pattern.compile(demandMetricPattern);
      require(demandRiseWeight >= 0 && demandRiseWeight <= 1, "demandRiseWeight must be in [0, 1]");
      require(driftWeight >= 0, "driftWeight must be >= 0");
      require(resourceMetricPattern != null, "resourceMetricPattern must not be null"); java.util.regex.Pattern.compile(resourceMetricPattern);
      require(resourceRiseWeight >= 0 && resourceRiseWeight <= 1, "resourceRiseWeight must be in [0, 1]");
      require(maxContributors >= 1, "maxContributors must be >= 1");
      return new BaselineConfig(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
