package dev.stormwatch.detect.novelty;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison detector ({@code novelty-1}): one {@link NoveltyScorer} per (provider, service) key
 * and metric over the metric's newest step of each window, learning from every window it is given,
 * warm-up windows included. A window scores the largest novelty among its metrics, mapped to [0, 1]
 * by {@code 1 - (1 - s0)^(novelty / n0)} so that novelty {@code n0} scores {@code s0}; the most
 * novel metrics are its contributors. A metric learns silently for its first {@code learnSteps}
 * steps, and a window whose metrics all still learn abstains (so a {@link
 * dev.stormwatch.detect.ConfirmingDetector} lets its primary decide alone); a missing or
 * non-finite step is skipped. Log lines are not used.
 */
public final class NoveltyKeyDetector implements Detector {
  /** The model version carried into alerts. */
  public static final String MODEL_VERSION = "novelty-1";
  /**
   * The novelty that scores {@code scoreAtReference} by default: the NAB-optimal threshold of the
   * {@code novelty} detector with the default settings (0.0772, rounded).
   */
  public static final double DEFAULT_REFERENCE_NOVELTY = 0.077;
  /** Steps a new metric learns before it scores, by default: an hour of one-minute steps. */
  public static final int DEFAULT_LEARN_STEPS = 60;

  private static final int MAX_CONTRIBUTORS = 3;

  private final NoveltySettings settings;
  private final int learnSteps;
  private final double referenceNovelty;
  private final double scoreAtReference;
  private final Map<String, Map<String, NoveltyScorer>> scorers = new HashMap<>();

  /**
   * @param scoreAtReference the score a window gets at novelty {@code referenceNovelty}, in (0, 1):
   *     the job's alert threshold makes that novelty the alerting point
   */
  public NoveltyKeyDetector(NoveltySettings settings, int learnSteps, double referenceNovelty,
      double scoreAtReference) {
    if (learnSteps < 0) {
      throw new IllegalArgumentException("learn steps must not be negative, got " + learnSteps);
    }
    if (!(referenceNovelty > 0.0 && referenceNovelty < 1.0)) {
      throw new IllegalArgumentException(
          "reference novelty must be in (0, 1), got " + referenceNovelty);
    }
    if (!(scoreAtReference > 0.0 && scoreAtReference < 1.0)) {
      throw new IllegalArgumentException(
          "score at the reference must be in (0, 1), got " + scoreAtReference);
    }
    this.settings = settings;
    this.learnSteps = learnSteps;
    this.referenceNovelty = referenceNovelty;
    this.scoreAtReference = scoreAtReference;
  }

  /** The score the reference novelty gets by default: the job's default alert threshold. */
  public static final double DEFAULT_SCORE_AT_REFERENCE = 0.7;

  /** The defaults: the reference novelty scores the job's default alert threshold, 0.7. */
  public static NoveltyKeyDetector withDefaults() {
    return new NoveltyKeyDetector(NoveltySettings.defaults(), DEFAULT_LEARN_STEPS,
        DEFAULT_REFERENCE_NOVELTY, DEFAULT_SCORE_AT_REFERENCE);
  }

  @Override
  public String modelVersion() {
    return MODEL_VERSION;
  }

  @Override
  public DetectionResult score(WindowAssembly w) {
    Map<String, NoveltyScorer> metrics = scorers.computeIfAbsent(w.key(), k -> new HashMap<>());
    List<String> names = new ArrayList<>();
    List<Double> novelties = new ArrayList<>();
    for (int m = 0; m < w.metricNames.length; m++) {
      double value = w.value(m, w.steps - 1);
      if (!Double.isFinite(value)) {
        continue;
      }
      NoveltyScorer scorer = metrics.computeIfAbsent(w.metricNames[m],
          name -> new NoveltyScorer(settings, learnSteps));
      names.add(w.metricNames[m]);
      novelties.add(scorer.next(value));
    }
    boolean learning = metrics.values().stream().allMatch(NoveltyScorer::learning);
    DetectionResult r = DetectionResult.forWindow(w);
    r.modelVersion = MODEL_VERSION;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < novelties.size(); i++) {
      if (novelties.get(i) > 0.0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Double.compare(novelties.get(b), novelties.get(a)));
    if (learning) {
      r.abstained = true;
      r.reason = "novelty still learning this key's metrics";
      return r;
    }
    if (order.isEmpty()) {
      r.reason = "no metric is novel";
      return r;
    }
    double top = novelties.get(order.get(0));
    r.score = 1.0 - Math.pow(1.0 - scoreAtReference, top / referenceNovelty);
    int n = Math.min(MAX_CONTRIBUTORS, order.size());
    r.contributorSignals = new String[n];
    r.contributorWeights = new double[n];
    for (int i = 0; i < n; i++) {
      r.contributorSignals[i] = names.get(order.get(i));
      r.contributorWeights[i] = novelties.get(order.get(i));
    }
    r.reason = String.format(Locale.ROOT, "novelty %.3f, mostly %s (reference %.3f)", top,
        r.contributorSignals[0], referenceNovelty);
    return r;
  }

  /** Number of keys seen. */
  public int keys() {
    return scorers.size();
  }
}
