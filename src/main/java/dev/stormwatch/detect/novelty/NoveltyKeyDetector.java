package dev.stormwatch.detect.novelty;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detector {@code novelty} ({@code novelty-1}): reads each metric's novelty in the window's newest
 * step, which the keyed window step tracks per (provider, service) key and metric ({@link
 * NoveltyMemory}, kept in Flink state beside the baseline; the offline replay does the same). A
 * window scores the largest novelty among its metrics, mapped to [0, 1] by {@code 1 - (1 -
 * s0)^(novelty / n0)} so that novelty {@code n0} scores {@code s0}; the most novel metrics are its
 * contributors. A window abstains while every metric of its key still learns (so a {@link
 * dev.stormwatch.detect.ConfirmingDetector} lets its primary decide alone), and when the window
 * step did not track novelty. Log lines are not used.
 */
public final class NoveltyKeyDetector implements Detector {
  /** The model version carried into alerts. */
  public static final String MODEL_VERSION = "novelty-1";
  /**
   * The novelty that scores {@code scoreAtReference} by default: the NAB-optimal threshold of the
   * {@code novelty} detector with the default settings (0.0772, rounded).
   */
  public static final double DEFAULT_REFERENCE_NOVELTY = 0.077;
  /** The score the reference novelty gets by default: the job's default alert threshold. */
  public static final double DEFAULT_SCORE_AT_REFERENCE = 0.7;

  private static final int MAX_CONTRIBUTORS = 3;

  private final double referenceNovelty;
  private final double scoreAtReference;

  /**
   * @param scoreAtReference the score a window gets at novelty {@code referenceNovelty}, in (0, 1)
   */
  public NoveltyKeyDetector(double referenceNovelty, double scoreAtReference) {
    if (!(referenceNovelty > 0.0 && referenceNovelty < 1.0)) {
      throw new IllegalArgumentException(
          "reference novelty must be in (0, 1), got " + referenceNovelty);
    }
    if (!(scoreAtReference > 0.0 && scoreAtReference < 1.0)) {
      throw new IllegalArgumentException(
          "score at the reference must be in (0, 1), got " + scoreAtReference);
    }
    this.referenceNovelty = referenceNovelty;
    this.scoreAtReference = scoreAtReference;
  }

  /** The defaults: the reference novelty scores the job's default alert threshold, 0.7. */
  public static NoveltyKeyDetector withDefaults() {
    return new NoveltyKeyDetector(DEFAULT_REFERENCE_NOVELTY, DEFAULT_SCORE_AT_REFERENCE);
  }

  @Override
  public String modelVersion() {
    return MODEL_VERSION;
  }

  @Override
  public boolean readsNovelty() {
    return true;
  }

  @Override
  public DetectionResult score(WindowAssembly w) {
    DetectionResult r = DetectionResult.forWindow(w);
    r.modelVersion = MODEL_VERSION;
    if (w.metricNovelty.length != w.metricNames.length) {
      r.abstained = true;
      r.reason = "novelty not tracked for this window";
      return r;
    }
    if (w.noveltyLearning) {
      r.abstained = true;
      r.reason = "novelty still learning this key's metrics";
      return r;
    }
    List<Integer> order = new ArrayList<>();
    for (int m = 0; m < w.metricNovelty.length; m++) {
      if (w.metricNovelty[m] > 0.0) {
        order.add(m);
      }
    }
    if (order.isEmpty()) {
      r.reason = "no metric is novel";
      return r;
    }
    order.sort((a, b) -> Double.compare(w.metricNovelty[b], w.metricNovelty[a]));
    double top = w.metricNovelty[order.get(0)];
    r.score = 1.0 - Math.pow(1.0 - scoreAtReference, top / referenceNovelty);
    int n = Math.min(MAX_CONTRIBUTORS, order.size());
    r.contributorSignals = new String[n];
    r.contributorWeights = new double[n];
    for (int i = 0; i < n; i++) {
      r.contributorSignals[i] = w.metricNames[order.get(i)];
      r.contributorWeights[i] = w.metricNovelty[order.get(i)];
    }
    r.reason = String.format(Locale.ROOT, "novelty %.3f, mostly %s (reference %.3f)", top,
        r.contributorSignals[0], referenceNovelty);
    return r;
  }
}
