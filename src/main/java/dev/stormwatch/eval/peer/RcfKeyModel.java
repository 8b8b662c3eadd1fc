package dev.stormwatch.eval.peer;

import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.returntypes.DiVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One key's streaming Random Cut Forest over its per-step metric vector. The key's steps are
 * buffered (not yet scored) until its first live step once at least {@code vocabularySteps} are
 * buffered, or until {@code maxVocabularySteps} are; then the vocabulary is fixed (sorted names), a
 * {@link ThresholdedRandomCutForest} is built with that many base dimensions and the buffered steps
 * are replayed into it. A vocabulary metric missing from a
 * step takes its last value (its first value for steps before it appeared); unknown metrics that
 * appear later are ignored.
 *
 * <p>Each metric is divided by a fixed unit, its standard deviation over the buffered steps
 * (floored at 1% of its mean), before the forest's own normalisation: that normalisation divides
 * by the running deviation plus 1e-3, which flattens metrics with small values such as error rates
 * (a 100-fold error-rate jump barely moved the score without the unit).
 */
final class RcfKeyModel {
  /** Scores from which the attribution (an extra forest traversal) is computed. */
  private static final double ATTRIBUTION_FROM = 0.5;

  private final RcfKeySettings settings;
  private final long seed;
  private final List<Map<String, Double>> pending = new ArrayList<>();
  private String[] vocabulary;
  private double[] last;
  private double[] unit;
  private ThresholdedRandomCutForest forest;

  RcfKeyModel(RcfKeySettings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
  }

  /**
   * The verdict on one step.
   *
   * @param score the RCF score mapped to [0, 1]
   * @param rcfScore the raw RCF score
   * @param threshold the thresholder's current threshold (0 while the forest warms up)
   * @param grade the anomaly grade in [0, 1]
   * @param attribution per-vocabulary-metric share of the score (sums to 1, or all 0)
   */
  record Verdict(double score, double rcfScore, double threshold, double grade, double[] attribution) {}

  /** The fixed metric names, or null while they are still being collected. */
  String[] vocabulary() {
    return vocabulary;
  }

  /** Learns and scores one step's metric means; null while the vocabulary is collected. */
  Verdict observe(Map<String, Double> step, long timeMillis, boolean live) {
    if (forest == null) {
      pending.add(step);
      boolean enough = pending.size() >= settings.vocabularySteps();
      if (!(enough && live) && pending.size() < settings.maxVocabularySteps()) {
        return null;
      }
      Verdict v = null;
      for (Map<String, Double> p : freeze()) {
        v = process(p, timeMillis);
      }
      return v;
    }
    return process(step, timeMillis);
  }

  /** Fixes the vocabulary, builds the forest and returns the buffered steps to replay. */
  private List<Map<String, Double>> freeze() {
    TreeSet<String> names = new TreeSet<>();
    pending.forEach(p -> names.addAll(p.keySet()));
    if (names.isEmpty()) {
      pending.clear();
      return List.of();
    }
    vocabulary = names.toArray(new String[0]);
    last = new double[vocabulary.length];
    unit = new double[vocabulary.length];
    Arrays.fill(last, Double.NaN);
    for (int i = 0; i < vocabulary.length; i++) {
      double sum = 0;
      double squares = 0;
      int n = 0;
      for (Map<String, Double> p : pending) {
        Double v = p.get(vocabulary[i]);
        if (v != null && Double.isFinite(v)) {
          last[i] = n == 0 ? v : last[i];
          sum += v;
          squares += v * v;
          n++;
        }
      }
      double mean = sum / n;
      double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
      unit[i] = Math.max(sd, Math.max(0.01 * Math.abs(mean), 1e-9));
    }
    forest = ThresholdedRandomCutForest.builder()
        .dimensions(vocabulary.length * settings.shingleSize())
        .shingleSize(settings.shingleSize())
        .internalShinglingEnabled(true)
        .numberOfTrees(settings.trees())
        .sampleSize(settings.sampleSize())
        .transformMethod(TransformMethod.NORMALIZE)
        .anomalyRate(settings.anomalyRate())
        .precision(Precision.FLOAT_32)
        .parallelExecutionEnabled(false)
        .randomSeed(seed)
        .build();
    List<Map<String, Double>> replay = new ArrayList<>(pending);
    pending.clear();
    return replay;
  }

  private Verdict process(Map<String, Double> step, long timeMillis) {
    if (forest == null) {
      return null;
    }
    double[] point = new double[vocabulary.length];
    for (int i = 0; i < vocabulary.length; i++) {
      Double v = step.get(vocabulary[i]);
      if (v != null && Double.isFinite(v)) {
        last[i] = v;
      }
      point[i] = last[i] / unit[i];
    }
    AnomalyDescriptor d = forest.process(point, timeMillis);
    double rcf = d.getRCFScore();
    double threshold = d.getThreshold();
    double grade = Math.max(0, Math.min(1, d.getAnomalyGrade()));
    double mapped = threshold > 0 && rcf > 0 ? mapScore(rcf / threshold) : 0.0;
    double score = Math.max(mapped, grade);
    return new Verdict(score, rcf, threshold, grade,
        score >= ATTRIBUTION_FROM ? attribution(d) : new double[vocabulary.length]);
  }

  /** Ratio to the threshold -> [0, 1): 1 maps to {@code scoreAtThreshold}, rising smoothly. */
  private double mapScore(double ratio) {
    return 1 - Math.pow(1 - settings.scoreAtThreshold(), Math.pow(ratio, settings.sharpness()));
  }

  /**
   * Each metric's share of the forest's anomaly attribution of the scored (normalised, shingled)
   * point, summed over the shingle's steps and both directions.
   */
  private double[] attribution(AnomalyDescriptor d) {
    double[] a = new double[vocabulary.length];
    float[] point = d.getRCFPoint();
    if (point == null || point.length != vocabulary.length * settings.shingleSize()) {
      return a;
    }
    DiVector v = forest.getForest().getAnomalyAttribution(point);
    double sum = 0;
    for (int i = 0; i < v.getDimensions(); i++) {
      double part = v.high[i] + v.low[i];
      a[i % a.length] += part;
      sum += part;
    }
    if (sum > 0) {
      for (int i = 0; i < a.length; i++) {
        a[i] /= sum;
      }
    }
    return a;
  }

  /** The step's finite metric values by name. */
  static Map<String, Double> stepOf(String[] names, double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (Double.isFinite(values[i])) {
        m.put(names[i], values[i]);
      }
    }
    return m;
  }
}
