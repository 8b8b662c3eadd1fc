package dev.stormwatch.detect;

import dev.stormwatch.event.Severity;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The baseline detector ({@code baseline-1}): scores a window annotated by {@link BaselineModel}
 * from robust, persistent metric z-scores and log evidence in its most recent steps.
 *
 * <p>Evidence is measured in sigmas. A metric's evidence is the {@code persistenceRank}-th largest
 * |z| over the last {@code recentSteps} steps (z = (value - center) / scale), so one noisy step
 * cannot fire; with a single valued step it is that |z| times {@code singleSampleWeight}. Error
 * and warn counts use the same rule on their positive excess over the Poisson-aware baseline (warn
 * excess times {@code warnRateWeight}). Templates first seen in the recent steps add fixed evidence:
 * {@code novelErrorSigma} for ERROR/FATAL (+1 per further one), {@code novelWarnSigma} for WARN
 * (+0.5 per further one), {@code novelInfoSigma} for INFO. Immature baselines contribute nothing.
 * A demand metric ({@code demandMetricPattern}, e.g. requests_per_s) that rises is load rather than
 * failure: its evidence is multiplied by {@code demandRiseWeight} (a drop keeps full weight). A
 * metric drifting steadily away from its baseline across the window ({@link DriftEvidence}) has
 * evidence at least {@code driftWeight} times that drift's t-statistic, so gradual incidents
 * (leaks, filling disks, latency creep) are flagged while still within a few scales. A resource
 * metric ({@code resourceMetricPattern}: cpu, memory, disk, pools) is a cause rather than a symptom:
 * a rise in its level that is not a drift is multiplied by {@code resourceRiseWeight} (batch jobs,
 * deploys), while a steady drift towards exhaustion keeps full weight.
 * The strongest evidence E1 plus {@code otherSignalBonus} times each other signal's excess over
 * z0 gives E, and score = 1 - exp(-max(0, E - z0) / scoreScale): with defaults 5σ scores 0.63, 7σ
 * 0.86 and 9σ 0.95. The score's spread ({@link DetectionResult#scoreSpread}) is E's deviation
 * through that curve, E's coming from how few samples each baseline learned from ({@link
 * EvidenceSpread}); novel-template evidence adds none.
 */
public final class BaselineDetector implements Detector {
  /** The model version carried into alerts. */
  public static final String MODEL_VERSION = "baseline-1";
  /** Contributor name of the error-count excess. */
  public static final String ERROR_RATE = "log:error_rate";
  /** Contributor name of the warn-count excess. */
  public static final String WARN_RATE = "log:warn_rate";
  /** Contributor name of novel ERROR/FATAL templates. */
  public static final String NEW_ERROR_TEMPLATE = "log:new_error_template";
  /** Contributor name of novel WARN templates. */
  public static final String NEW_WARN_TEMPLATE = "log:new_warn_template";
  /** Contributor name of novel INFO (and lower) templates. */
  public static final String NEW_INFO_TEMPLATE = "log:new_info_template";

  private static final double MIN_CONTRIBUTOR_SIGMA = 1.0;

  private final BaselineConfig cfg;
  private final Pattern demandMetric;
  private final Pattern resourceMetric;

  public BaselineDetector() {
    this(BaselineConfig.defaults());
  }

  public BaselineDetector(BaselineConfig cfg) {
    this.cfg = cfg;
    this.demandMetric = Pattern.compile(cfg.demandMetricPattern, Pattern.CASE_INSENSITIVE);
    this.resourceMetric = Pattern.compile(cfg.resourceMetricPattern, Pattern.CASE_INSENSITIVE);
  }

  /** A serializable factory of detectors with this configuration. */
  public static DetectorFactory factory(BaselineConfig cfg) {
    return () -> new BaselineDetector(cfg);
  }

  @Override
  public String modelVersion() {
    return MODEL_VERSION;
  }

  @Override
  public DetectionResult score(WindowAssembly w) {
    int recent = Math.min(cfg.recentSteps, w.steps);
    int from = w.steps - recent;
    String hour = String.format(Locale.ROOT, "%02d:00", SeasonalStats.hourOf(w.end - w.stepMillis));
    List<Signal> signals = new ArrayList<>();
    for (int m = 0; m < w.metricNames.length; m++) {
      Signal s = metricSignal(w, m, from, hour);
      if (s != null) {
        signals.add(s);
      }
    }
    if (w.logBaselineSamples >= cfg.logMatureSamples && Double.isFinite(w.expectedErrors)) {
      double samples = EvidenceSpread.effectiveSamples(w.logBaselineSamples, cfg.ewmaAlpha);
      addCountSignal(signals, ERROR_RATE, "error logs", w.errorCounts, w.expectedErrors,
          w.errorScale, from, 1.0, samples);
      addCountSignal(signals, WARN_RATE, "warn logs", w.warnCounts, w.expectedWarns,
          w.warnScale, from, cfg.warnRateWeight, samples);
    }
    addNovelSignals(signals, w, from);
    signals.sort(Comparator.comparingDouble((Signal s) -> s.evidence).reversed());

    double evidence = 0;
    double variance = 0;
    for (int i = 0; i < signals.size(); i++) {
      Signal s = signals.get(i);
      double weight = i == 0 ? 1 : s.evidence > cfg.scoreZ0 ? cfg.otherSignalBonus : 0;
      evidence += i == 0 ? s.evidence : weight * (s.evidence - cfg.scoreZ0);
      variance += weight * weight * s.sd * s.sd;
    }
    DetectionResult r = DetectionResult.forWindow(w);
    r.modelVersion = MODEL_VERSION;
    r.score = signals.isEmpty() ? 0.0 : cfg.scoreOf(evidence);
    r.scoreSpread = signals.isEmpty() ? 0.0 : EvidenceSpread.ofScore(cfg, evidence, Math.sqrt(variance));
    fillContributors(r, signals);
    r.logEvidence = LogEvidence.lines(w, from, Arrays.asList(r.contributorSignals).contains(ERROR_RATE));
    r.reason = reason(w, signals, r.score);
    return r;
  }

  private Signal metricSignal(WindowAssembly w, int m, int from, String hour) {
    double center = w.expectedCenter[m];
    double scale = w.expectedScale[m];
    if (w.baselineSamples[m] < cfg.metricMatureSamples
        || !Double.isFinite(center)
        || !(scale > 0)) {
      return null;
    }
    double[] z = new double[w.steps - from];
    int n = 0;
    double signedSum = 0;
    for (int t = from; t < w.steps; t++) {
      double v = w.value(m, t);
      if (Double.isFinite(v)) {
        double zt = (v - center) / scale;
        z[n++] = Math.abs(zt);
        signedSum += zt;
      }
    }
    if (n == 0) {
      return null;
    }
    double factor = n == 1 ? cfg.singleSampleWeight : 1;
    double e = factor * (n == 1 ? z[0] : rankedLargest(z, n, cfg.persistenceRank));
    double drift = cfg.driftWeight * DriftEvidence.of(w, m, center, scale);
    boolean drifting = Math.abs(drift) > e && drift * signedSum > 0;
    if (!drifting && signedSum > 0 && resourceMetric.matcher(w.metricNames[m]).matches()) {
      factor *= cfg.resourceRiseWeight;
      e *= cfg.resourceRiseWeight;
    }
    factor = drifting ? cfg.driftWeight : factor;
    e = drifting ? Math.abs(drift) : e;
    if (signedSum > 0 && demandMetric.matcher(w.metricNames[m]).matches()) {
      factor *= cfg.demandRiseWeight;
      e *= cfg.demandRiseWeight;
    }
    double sd = EvidenceSpread.ofEvidence(e, factor,
        EvidenceSpread.effectiveSamples(w.baselineSamples[m], cfg.ewmaAlpha));
    String phrase = String.format(Locale.ROOT, "%s %.1fσ %s its %s baseline%s",
        w.metricNames[m], e, signedSum >= 0 ? "above" : "below", hour,
        drifting ? (signedSum > 0 ? ", drifting up" : ", drifting down") : "");
    return new Signal(w.metricNames[m], e, sd, phrase);
  }

  private void addCountSignal(List<Signal> signals, String name, String label, int[] counts,
      double expected, double scale, int from, double weight, double effectiveSamples) {
    if (weight <= 0 || !(scale > 0)) {
      return;
    }
    int recent = counts.length - from;
    double[] z = new double[recent];
    long total = 0;
    for (int t = from; t < counts.length; t++) {
      z[t - from] = Math.max(0, (counts[t] - expected) / scale);
      total += counts[t];
    }
    double e = weight * rankedLargest(z, recent, Math.min(cfg.persistenceRank, recent));
    if (e > 0) {
      String phrase = String.format(Locale.ROOT, "%s %.1fσ above baseline (%d in %d steps, %.1f/step expected)",
          label, e, total, recent, expected);
      double sd = EvidenceSpread.ofEvidence(e, weight, effectiveSamples);
      signals.add(new Signal(name, e, sd, phrase));
    }
  }

  private void addNovelSignals(List<Signal> signals, WindowAssembly w, int from) {
    int errors = 0;
    int warns = 0;
    int infos = 0;
    for (int i = 0; i < w.templates.length; i++) {
      if (!w.templateNovel[i] || w.templateFirstStep[i] < from) {
        continue;
      }
      switch (Severity.bucket(w.templateSeverity[i])) {
        case 2 -> errors++;
        case 1 -> warns++;
        default -> infos++;
      }
    }
    if (errors > 0 && cfg.novelErrorSigma > 0) {
      signals.add(new Signal(NEW_ERROR_TEMPLATE, cfg.novelErrorSigma + (errors - 1), 0,
          plural(errors, "new ERROR log template")));
    }
    if (warns > 0 && cfg.novelWarnSigma > 0) {
      signals.add(new Signal(NEW_WARN_TEMPLATE, cfg.novelWarnSigma + 0.5 * (warns - 1), 0,
          plural(warns, "new WARN log template")));
    }
    if (infos > 0 && cfg.novelInfoSigma > 0) {
      signals.add(new Signal(NEW_INFO_TEMPLATE, cfg.novelInfoSigma, 0,
          plural(infos, "new INFO log template")));
    }
  }

  private void fillContributors(DetectionResult r, List<Signal> signals) {
    List<Signal> top = new ArrayList<>();
    double sum = 0;
    for (Signal s : signals) {
      if (top.size() == cfg.maxContributors || s.evidence < MIN_CONTRIBUTOR_SIGMA) {
        break;
      }
      top.add(s);
      sum += s.evidence;
    }
    r.contributorSignals = new String[top.size()];
    r.contributorWeights = new double[top.size()];
    for (int i = 0; i < top.size(); i++) {
      r.contributorSignals[i] = top.get(i).name;
      r.contributorWeights[i] = top.get(i).evidence / sum;
    }
  }

  private String reason(WindowAssembly w, List<Signal> signals, double score) {
    if (score <= 0) {
      boolean cold = signals.isEmpty() && !hasMatureMetric(w)
          && w.logBaselineSamples < cfg.logMatureSamples;
      return cold ? "baseline still learning this key" : "all signals within their baselines";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(3, signals.size()); i++) {
      Signal s = signals.get(i);
      if (i > 0 && s.evidence < cfg.scoreZ0) {
        break;
      }
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(s.phrase);
    }
    return sb.toString();
  }

  private boolean hasMatureMetric(WindowAssembly w) {
    for (long n : w.baselineSamples) {
      if (n >= cfg.metricMatureSamples) {
        return true;
      }
    }
    return false;
  }

  /** The rank-th largest of the first n values (rank 1 = largest); n must be >= rank. */
  private static double rankedLargest(double[] values, int n, int rank) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return sorted[n - Math.min(rank, n)];
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** One named piece of evidence, in sigmas, its standard deviation, and its phrase for the reason. */
  private record Signal(String name, double evidence, double sd, String phrase) {}
}
