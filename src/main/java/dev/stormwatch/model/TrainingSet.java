package dev.stormwatch.model;

import dev.stormwatch.eval.Label;
import dev.stormwatch.window.WindowAssembly;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Examples for training and evaluation built from annotated windows: live windows with data in
 * their newest step and at least one usable channel are normal (-1) unless they overlap a labelled incident of their key (+1); a share
 * of the normal ones also yields a synthetic anomaly (+1). The newest windows (by end time) form
 * the held-out split, their injected copies included.
 */
public final class TrainingSet {
  /** One example: features, ±1 label and the window end. */
  public record Example(float[] features, int label, long end) {}

  public final FeatureSchema schema;
  public final List<Example> train = new ArrayList<>();
  public final List<Example> holdout = new ArrayList<>();
  public final Map<AnomalyInjector.Kind, Integer> injected = new EnumMap<>(AnomalyInjector.Kind.class);
  public int windows;
  public int labelledPositives;
  public int skippedUnusable;

  private TrainingSet(FeatureSchema schema) {
    this.schema = schema;
  }

  /** The most frequent metric names over the windows (ties by name), at most {@code n}. */
  public static List<String> vocabulary(List<WindowAssembly> windows, int n) {
    Map<String, Integer> counts = new HashMap<>();
    for (WindowAssembly w : windows) {
      for (String m : w.metricNames) {
        counts.merge(m, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Builds the examples; deterministic given {@code rnd}'s seed. */
  public static TrainingSet build(List<WindowAssembly> all, List<Label> incidents,
      TrainingOptions options, Random rnd) {
    List<WindowAssembly> live = all.stream().filter(w -> w.live).toList();
    if (live.isEmpty()) {
      throw new IllegalArgumentException("no live windows to train on");
    }
    int steps = live.get(0).steps;
    FeatureSchema schema = new FeatureSchema(vocabulary(live, options.vocabularySize()), steps,
        options.clip(), options.minBaselineSamples());
    TrainingSet set = new TrainingSet(schema);
    WindowFeaturizer featurizer = new WindowFeaturizer(schema);
    AnomalyInjector injector = new AnomalyInjector(schema);
    long[] ends = live.stream().mapToLong(w -> w.end).sorted().toArray();
    long cut = ends[(int) Math.min(ends.length - 1, Math.floor(ends.length * (1 - options.holdoutFraction())))];
    List<WindowAssembly> ordered = new ArrayList<>(live);
    ordered.sort(Comparator.comparingLong((WindowAssembly w) -> w.end).thenComparing(WindowAssembly::key));
    for (WindowAssembly w : ordered) {
      float[] x = featurizer.features(w);
      if (!featurizer.observedInNewestStep(w) || !hasUsableChannel(schema, x)) {
        set.skippedUnusable++;
        continue;
      }
      set.windows++;
      List<Example> split = w.end >= cut ? set.holdout : set.train;
      if (overlapsIncident(w, incidents)) {
        set.labelledPositives++;
        split.add(new Example(x, 1, w.end));
        continue;
      }
      split.add(new Example(x, -1, w.end));
      if (rnd.nextDouble() < options.injectFraction()) {
        AnomalyInjector.Injected a = injector.inject(x, rnd);
        if (a != null) {
          set.injected.merge(a.kind(), 1, Integer::sum);
          split.add(new Example(a.features(), 1, w.end));
        }
      }
    }
    return set;
  }

  private static boolean hasUsableChannel(FeatureSchema schema, float[] x) {
    int steps = schema.steps();
    for (int m = 0; m < schema.metrics().size(); m++) {
      if (x[schema.maskChannel(m) * steps + steps - 1] > 0) {
        return true;
      }
    }
    return x[schema.logMaskChannel() * steps + steps - 1] > 0;
  }

  private static boolean overlapsIncident(WindowAssembly w, List<Label> incidents) {
    for (Label l : incidents) {
      if (l.sameTarget(w.provider, w.service) && w.start <= l.end().toEpochMilli()
          && w.end > l.start().toEpochMilli()) {
        return true;
      }
    }
    return false;
  }
}
