package dev.stormwatch.detect;

import dev.stormwatch.window.Pane;
import dev.stormwatch.window.WindowAssembly;
import java.util.Arrays;

/**
 * One key's learned baseline, kept in Flink keyed state as a POJO of primitive and String arrays:
 * robust hour-of-day seasonal EWMAs per metric and for per-step ERROR(+FATAL)/WARN log counts, and
 * a bounded set of known log templates (64-bit hashes with first/last-seen times).
 *
 * <p>Call {@link #learn(Pane)} with each closed pane, then {@link #annotate(WindowAssembly)} on the
 * window ending with it. Maturity rules (see {@link BaselineConfig}): metric expectations are
 * filled once the metric has {@code metricMatureSamples} steps; log expectations once the key has
 * {@code logMatureSamples} steps since its first log line; a template is novel when it was first
 * seen inside the window and after the log baseline matured (so a new key's templates are not
 * novel) and when the key's own rate of discovering templates of its severity makes it surprising
 * (see {@link TemplateNovelty}). Metric slots unseen for {@code metricExpiryMillis} are recycled when a new metric needs
 * room; the stalest template is evicted when the template set is full.
 */
public class BaselineModel {
  private static final int ERRORS = 0;
  private static final int WARNS = 1;
  /** Quantile of the exceedance sizes that routine widening scales down to winsorK sigmas. */
  private static final double EXCEED_QUANTILE = 0.8;
  /** Step (in ln units) of the stochastic quantile estimate per exceedance. */
  private static final double EXCEED_QUANTILE_STEP = 0.2;

  public String[] metricNames = new String[0];
  public long[] metricLastSeen = new long[0];
  public double[] metricLevel = new double[0];
  public double[] metricScale = new double[0];
  public int[] metricCount = new int[0];
  /** Per metric: EWMA of |value| (typical magnitude, for the relative scale floor). */
  public double[] metricMagnitude = new double[0];
  /** Per metric: EWMA rate of mature steps beyond winsorK scales of the expectation. */
  public double[] metricExceedRate = new double[0];
  /** Per metric: running 80th percentile of ln(|z| / winsorK) over those exceedances. */
  public double[] metricExceedLogZ = new double[0];
  /** Slots 0 (error+fatal counts) and 1 (warn counts), 25 buckets each. */
  public double[] logLevel = new double[2 * SeasonalStats.BUCKETS];
  public double[] logScale = new double[2 * SeasonalStats.BUCKETS];
  public int[] logCount = new int[2 * SeasonalStats.BUCKETS];
  /** Steps learned since the key's first log line. */
  public long logSteps;
  /** Start of the step at which the log baseline matured; Long.MAX_VALUE before. */
  public long logMatureSince = Long.MAX_VALUE;
  public long[] templateHash = new long[0];
  public long[] templateFirstSeen = new long[0];
  public long[] templateLastSeen = new long[0];
  /** Per severity bucket (info, warn, error): decayed count of templates discovered once mature. */
  public double[] discoveredTemplates = new double[3];
  /** Per severity bucket: decayed count of log lines learned once mature. */
  public double[] discoveryLines = new double[3];

  private transient BaselineConfig config;

  public BaselineModel() {}

  /** A model using the given configuration for the no-config overloads. */
  public BaselineModel(BaselineConfig config) {
    this.config = config;
  }

  /** The configuration the no-config overloads use (the defaults unless one was set). */
  public BaselineConfig config() {
    if (config == null) {
      config = BaselineConfig.defaults();
    }
    return config;
  }

  /** Sets the configuration the no-config overloads use (not stored in state). */
  public BaselineModel useConfig(BaselineConfig cfg) {
    this.config = cfg;
    return this;
  }

  /** Learns one closed pane with the model's configuration. */
  public void learn(Pane p) {
    learn(p, config());
  }

  /** Annotates a window with the model's configuration. */
  public void annotate(WindowAssembly w) {
    annotate(w, config());
  }

  /** Learns one closed pane: metric means, log counts, and its templates as known. */
  public void learn(Pane p, BaselineConfig cfg) {
    long t = p.start;
    for (int m = 0; m < p.metricNames.length; m++) {
      double v = p.mean(m);
      if (!Double.isFinite(v)) {
        continue;
      }
      int slot = metricSlot(p.metricNames[m], t, cfg);
      if (slot < 0) {
        continue;
      }
      metricLastSeen[slot] = Math.max(metricLastSeen[slot], t);
      trackExceedance(slot, t, v, cfg);
      double a = Math.max(cfg.ewmaAlpha, 1.0 / (SeasonalStats.samples(metricCount, slot) + 1));
      metricMagnitude[slot] += a * (Math.abs(v) - metricMagnitude[slot]);
      SeasonalStats.learn(metricLevel, metricScale, metricCount, slot, t, v, false,
          magnitudeFloor(slot, cfg), cfg);
    }
    boolean anyLog = p.info + p.warn + p.error > 0 || p.templates.length > 0;
    if (logSteps > 0 || anyLog) {
      SeasonalStats.learn(logLevel, logScale, logCount, ERRORS, t, p.error, true, 0, cfg);
      SeasonalStats.learn(logLevel, logScale, logCount, WARNS, t, p.warn, true, 0, cfg);
      logSteps++;
      if (logSteps == cfg.logMatureSamples) {
        logMatureSince = t;
      }
    }
    boolean mature = logSteps > cfg.logMatureSamples;
    if (mature) {
      TemplateNovelty.decay(this, cfg);
    }
    for (int i = 0; i < p.templates.length; i++) {
      long h = KnownTemplates.hash(p.templates[i]);
      if (mature) {
        TemplateNovelty.count(this, p.templateSeverity[i], p.templateCounts[i],
            KnownTemplates.indexOf(templateHash, h) < 0);
      }
      KnownTemplates.learn(this, h, t, cfg.maxTemplates);
    }
  }

  /** Fills the window's baseline expectations and template novelty at the window's last step. */
  public void annotate(WindowAssembly w, BaselineConfig cfg) {
    long t = w.end - w.stepMillis;
    double[] e = new double[2];
    for (int m = 0; m < w.metricNames.length; m++) {
      int slot = indexOf(w.metricNames[m]);
      if (slot < 0) {
        continue;
      }
      int n = SeasonalStats.samples(metricCount, slot);
      w.baselineSamples[m] = n;
      if (n >= cfg.metricMatureSamples
          && SeasonalStats.expect(
              metricLevel, metricScale, metricCount, slot, t, cfg, e)) {
        w.expectedCenter[m] = e[0];
        w.expectedScale[m] = metricScale(slot, e, cfg) * routineFactor(slot, cfg);
      }
    }
    w.logBaselineSamples = logSteps;
    if (logSteps >= cfg.logMatureSamples) {
      SeasonalStats.expect(logLevel, logScale, logCount, ERRORS, t, cfg, e);
      w.expectedErrors = e[0];
      w.errorScale = Math.max(e[1], SeasonalStats.floor(e[0], true, cfg));
      SeasonalStats.expect(logLevel, logScale, logCount, WARNS, t, cfg, e);
      w.expectedWarns = e[0];
      w.warnScale = Math.max(e[1], SeasonalStats.floor(e[0], true, cfg));
    }
    TemplateNovelty.mark(this, w, cfg);
  }

  /** The slot of a metric, -1 when unknown. */
  public int indexOf(String metric) {
    for (int i = 0; i < metricNames.length; i++) {
      if (metricNames[i].equals(metric)) {
        return i;
      }
    }
    return -1;
  }

  /** Number of known templates. */
  public int knownTemplates() {
    return templateHash.length;
  }

  /** When a template was first seen, or -1 when it is not known. */
  public long templateFirstSeen(String template) {
    int k = KnownTemplates.indexOf(templateHash, KnownTemplates.hash(template));
    return k < 0 ? -1 : templateFirstSeen[k];
  }

  private int metricSlot(String name, long t, BaselineConfig cfg) {
    int slot = indexOf(name);
    if (slot >= 0) {
      return slot;
    }
    if (metricNames.length < cfg.maxMetrics) {
      slot = metricNames.length;
      int n = slot + 1;
      metricNames = Arrays.copyOf(metricNames, n);
      metricLastSeen = Arrays.copyOf(metricLastSeen, n);
      metricLevel = Arrays.copyOf(metricLevel, n * SeasonalStats.BUCKETS);
      metricScale = Arrays.copyOf(metricScale, n * SeasonalStats.BUCKETS);
      metricCount = Arrays.copyOf(metricCount, n * SeasonalStats.BUCKETS);
      metricExceedRate = Arrays.copyOf(metricExceedRate, n);
      metricMagnitude = Arrays.copyOf(metricMagnitude, n);
      metricExceedLogZ = Arrays.copyOf(metricExceedLogZ, n);
    } else {
      slot = 0;
      for (int i = 1; i < metricNames.length; i++) {
        if (metricLastSeen[i] < metricLastSeen[slot]) {
          slot = i;
        }
      }
      if (t - metricLastSeen[slot] < cfg.metricExpiryMillis) {
        return -1;
      }
      SeasonalStats.clear(metricLevel, metricScale, metricCount, slot);
      metricExceedRate[slot] = 0;
      metricMagnitude[slot] = 0;
      metricExceedLogZ[slot] = 0;
    }
    metricNames[slot] = name;
    metricLastSeen[slot] = t;
    return slot;
  }

  /** Updates a mature metric's exceedance rate and typical exceedance size with a new value. */
  private void trackExceedance(int slot, long t, double v, BaselineConfig cfg) {
    int n = SeasonalStats.samples(metricCount, slot);
    double[] e = new double[2];
    if (n < cfg.metricMatureSamples
        || !SeasonalStats.expect(
            metricLevel, metricScale, metricCount, slot, t, cfg, e)) {
      return;
    }
    double z = Math.abs(v - e[0]) / metricScale(slot, e, cfg);
    boolean exceeded = z > cfg.winsorK;
    double a = Math.max(cfg.exceedAlpha, 1.0 / (n - cfg.metricMatureSamples + 1));
    metricExceedRate[slot] += a * ((exceeded ? 1 : 0) - metricExceedRate[slot]);
    if (exceeded) {
      double logZ = Math.log(z / cfg.winsorK);
      double q = metricExceedLogZ[slot];
      metricExceedLogZ[slot] = q == 0
          ? logZ
          : q + EXCEED_QUANTILE_STEP * (EXCEED_QUANTILE - (logZ <= q ? 1 : 0));
    }
  }

  /** The floored scale of an expectation {center, scale}. */
  private double metricScale(int slot, double[] e, BaselineConfig cfg) {
    return Math.max(e[1], Math.max(SeasonalStats.floor(e[0], false, cfg), magnitudeFloor(slot, cfg)));
  }

  /** relativeScaleFloor times the metric's typical magnitude (guards zero-inflated series). */
  private double magnitudeFloor(int slot, BaselineConfig cfg) {
    return cfg.relativeScaleFloor * metricMagnitude[slot];
  }

  /**
   * Scale multiplier for routine exceedances: exp(g · q), g ramping 0..1 between the routine rates
   * and q the 80th percentile of ln(|z| / winsorK); 1 below routineExceedRate.
   */
  private double routineFactor(int slot, BaselineConfig cfg) {
    double g = (metricExceedRate[slot] - cfg.routineExceedRate)
        / (cfg.routineExceedRateFull - cfg.routineExceedRate);
    g = Math.min(1, Math.max(0, g));
    return Math.exp(g * Math.max(0, metricExceedLogZ[slot]));
  }
}
