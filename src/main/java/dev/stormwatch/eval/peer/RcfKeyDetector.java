package dev.stormwatch.eval.peer;

import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A peer detector for comparisons ({@code rcf-1}): Amazon's Random Cut Forest, one {@link
 * com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest} per (provider, service) key
 * over the key's per-step metric vector (the newest step of each window), with internal shingling
 * and normalisation (after a fixed per-key unit per metric, see {@link RcfKeyModel}). Every window
 * it is given trains the key's forest, warm-up windows included; the score is the larger of the
 * anomaly grade and the RCF score relative to the forest's adaptive threshold, mapped to [0, 1] by
 * {@code 1 - (1 - s0)^((score / threshold)^k)} (s0 = {@code scoreAtThreshold}, k = {@code
 * sharpness}). Log lines are not used.
 */
public final class RcfKeyDetector implements Detector {
  /** The model version carried into alerts. */
  public static final String MODEL_VERSION = "rcf-1";

  private static final int MAX_CONTRIBUTORS = 3;

  private final RcfKeySettings settings;
  private final Map<String, RcfKeyModel> models = new HashMap<>();

  public RcfKeyDetector() {
    this(RcfKeySettings.defaults());
  }

  public RcfKeyDetector(RcfKeySettings settings) {
    this.settings = settings.validate();
  }

  @Override
  public String modelVersion() {
    return MODEL_VERSION;
  }

  @Override
  public DetectionResult score(WindowAssembly w) {
    RcfKeyModel model = models.computeIfAbsent(w.key(),
        k -> new RcfKeyModel(settings, settings.seed() ^ ((long) k.hashCode() << 16)));
    double[] newest = new double[w.metricNames.length];
    for (int m = 0; m < newest.length; m++) {
      newest[m] = w.value(m, w.steps - 1);
    }
    RcfKeyModel.Verdict v = model.observe(RcfKeyModel.stepOf(w.metricNames, newest), w.end, w.live);
    DetectionResult r = DetectionResult.forWindow(w);
    r.modelVersion = MODEL_VERSION;
    if (v == null) {
      r.reason = "random cut forest still collecting this key's metrics";
      return r;
    }
    r.score = v.score();
    fillContributors(r, model.vocabulary(), v.attribution());
    r.reason = String.format(Locale.ROOT, "RCF score %.2f (threshold %.2f, grade %.2f)%s",
        v.rcfScore(), v.threshold(), v.grade(),
        r.contributorSignals.length == 0 ? "" : ", mostly " + r.contributorSignals[0]);
    return r;
  }

  /** Number of keys with a model. */
  public int keys() {
    return models.size();
  }

  private static void fillContributors(DetectionResult r, String[] names, double[] weights) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Double.compare(weights[b], weights[a]));
    int n = Math.min(MAX_CONTRIBUTORS, order.size());
    r.contributorSignals = new String[n];
    r.contributorWeights = new double[n];
    for (int i = 0; i < n; i++) {
      r.contributorSignals[i] = names[order.get(i)];
      r.contributorWeights[i] = weights[order.get(i)];
    }
  }
}
