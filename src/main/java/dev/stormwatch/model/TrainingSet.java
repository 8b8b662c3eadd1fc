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
  /** With a log branch, one injected anomaly in this many (one more kind) is a novel error-template burst. */
  static final int NOVEL_ERROR_SHARE = AnomalyInjector.Kind.values().length + 1;

  /** One example: features, log tokens (null without the log branch), ±1 label, window end. */
  public record Example(float[] features, float[] logs, int label, long end) {
    public Example(float[] features, int label, long end) {
      this(features, null, label, end);
    }
  }

  public final FeatureSchema schema;
  public final List<Example> train = new ArrayList<>();
  public final List<Example> holdout = new ArrayList<>();
  public final Map<AnomalyInjector.Kind, Integer> injected = new EnumMap<>(AnomalyInjector.Kind.class);
  /** Counts of the other synthetic examples: novel error bursts (+1) and benign changes (-1). */
  public final Map<String, Integer> synthetic = new java.util.TreeMap<>();
  /** The log branch the examples' tokens come from, or null. */
  public final LogBranch logs;
  public int windows;
  public int labelledPositives;
  /** Windows overlapping a labelled benign look-alike (each added as that many repeated negatives). */
  public int labelledBenign;
  public int skippedUnusable;
  /** The channels an injected anomaly moves together (none unless the options ask for it). */
  public ChannelCoupling coupling;
  /** Metric names in the training data that are not model channels (sorted). */
  public List<String> unusedMetrics = List.of();

  private TrainingSet(FeatureSchema schema, LogBranch logs) {
    this.schema = schema;
    this.logs = logs;
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

  /**
   * The model's channels: those named in {@code options.channels()}, each of which must occur in
   * the data, or else the {@code vocabularySize} most frequent of {@code seen} (every metric name
   * of the data, most frequent first, as {@link #vocabulary} orders them).
   */
  static List<String> channels(List<String> seen, TrainingOptions options) {
    if (options.channels().isEmpty()) {
      return seen.subList(0, Math.min(seen.size(), options.vocabularySize()));
    }
    for (String c : options.channels()) {
      if (!seen.contains(c)) {
        throw new IllegalArgumentException("channel " + c + " is not in the training data; its"
            + " metrics are " + seen.stream().sorted().toList());
      }
    }
    return options.channels();
  }

  /** Builds telemetry-only examples; deterministic given {@code rnd}'s seed. */
  public static TrainingSet build(List<WindowAssembly> all, List<Label> incidents,
      TrainingOptions options, Random rnd) {
    return build(all, incidents, options, null, rnd);
  }

  /**
   * Builds the examples, with log tokens from {@code logs} unless it is null; deterministic given
   * {@code rnd}'s seed (and the embedding model).
   */
  public static TrainingSet build(List<WindowAssembly> all, List<Label> incidents,
      TrainingOptions options, LogBranch logs, Random rnd) {
    return build(all, incidents, List.of(), 1, options, logs, rnd);
  }

  /**
   * Builds the examples from warm-up history (windows not flagged live, which {@link #build} would
   * skip): every window is training data here. The windows' live flags are restored afterwards.
   */
  public static TrainingSet fromHistory(List<WindowAssembly> history, TrainingOptions options,
      LogBranch logs, Random rnd) {
    boolean[] live = new boolean[history.size()];
    for (int i = 0; i < live.length; i++) {
      live[i] = history.get(i).live;
      history.get(i).live = true;
    }
    try {
      return build(history, List.of(), options, logs, rnd);
    } finally {
      for (int i = 0; i < live.length; i++) {
        history.get(i).live = live[i];
      }
    }
  }

  /**
   * As above; windows overlapping a labelled benign look-alike ({@code lookAlikes}: scheduled batches,
   * retry storms, clean deploys... that users know are not incidents) are negatives repeated {@code
   * benignRepeat} times, so the few labelled look-alikes weigh against the many incident windows.
   */
  public static TrainingSet build(List<WindowAssembly> all, List<Label> incidents,
      List<Label> lookAlikes, int benignRepeat, TrainingOptions options, LogBranch logs, Random rnd) {
    if (benignRepeat < 1) {
      throw new IllegalArgumentException("benign repeat must be >= 1, got " + benignRepeat);
    }
    List<WindowAssembly> live = all.stream().filter(w -> w.live).toList();
    if (live.isEmpty()) {
      throw new IllegalArgumentException("no live windows to train on");
    }
    int steps = live.get(0).steps;
    List<String> seen = vocabulary(live, Integer.MAX_VALUE);
    FeatureSchema schema = new FeatureSchema(channels(seen, options), steps,
        options.clip(), options.minBaselineSamples(), options.compressAbove());
    TrainingSet set = new TrainingSet(schema, logs);
    set.unusedMetrics = seen.stream().filter(m -> !schema.metrics().contains(m)).sorted().toList();
    WindowFeaturizer featurizer = new WindowFeaturizer(schema);
    BenignInjector benign = new BenignInjector(schema);
    LogTokenInjector logInjector = logs == null ? null : new LogTokenInjector(logs, live);
    long[] ends = live.stream().mapToLong(w -> w.end).sorted().toArray();
    long cut = ends[(int) Math.min(ends.length - 1, Math.floor(ends.length * (1 - options.holdoutFraction())))];
    List<WindowAssembly> ordered = new ArrayList<>(live);
    ordered.sort(Comparator.comparingLong((WindowAssembly w) -> w.end).thenComparing(WindowAssembly::key));
    float[][] features = new float[ordered.size()][];
    List<float[]> normalTraining = new ArrayList<>();
    for (int k = 0; k < features.length; k++) {
      WindowAssembly w = ordered.get(k);
      float[] x = featurizer.features(w);
      if (featurizer.observedInNewestStep(w) && hasUsableChannel(schema, x)) {
        features[k] = x;
        if (w.end < cut && !overlaps(w, incidents)) {
          normalTraining.add(x);
        }
      }
    }
    set.coupling = ChannelCoupling.learn(schema, normalTraining, options.coupling());
    AnomalyInjector injector = new AnomalyInjector(schema, set.coupling);
    for (int k = 0; k < features.length; k++) {
      WindowAssembly w = ordered.get(k);
      float[] x = features[k];
      if (x == null) {
        set.skippedUnusable++;
        continue;
      }
      set.windows++;
      float[] tokens = logs == null ? null : logs.tokens(w);
      List<Example> split = w.end >= cut ? set.holdout : set.train;
      if (overlaps(w, incidents)) {
        set.labelledPositives++;
        split.add(new Example(x, tokens, 1, w.end));
        continue;
      }
      split.add(new Example(x, tokens, -1, w.end));
      if (overlaps(w, lookAlikes)) {
        set.labelledBenign++;
        for (int i = 1; i < benignRepeat; i++) {
          split.add(new Example(x, tokens, -1, w.end));
        }
      }
      if (rnd.nextDouble() < options.injectFraction()) {
        Example e = logInjector != null && rnd.nextInt(NOVEL_ERROR_SHARE) == 0
            ? novelErrors(set, x, tokens, w, logInjector, rnd)
            : injected(set, injector, x, tokens, w, rnd);
        if (e != null) {
          split.add(e);
        }
      }
      if (options.offsetFraction() > 0 && rnd.nextDouble() < options.offsetFraction()) {
        float[] y = injector.baselineOffset(x, rnd);
        if (y != null) {
          set.synthetic.merge("BENIGN_BASELINE_OFFSET", 1, Integer::sum);
          split.add(new Example(y, tokens, -1, w.end));
        }
      }
      if (options.benignFraction() > 0 && rnd.nextDouble() < options.benignFraction()) {
        Example e = benign(set, benign, x, tokens, w, logInjector, rnd);
        if (e != null) {
          split.add(e);
        }
      }
    }
    return set;
  }

  private static Example injected(TrainingSet set, AnomalyInjector injector, float[] x,
      float[] tokens, WindowAssembly w, Random rnd) {
    AnomalyInjector.Injected a = injector.inject(x, rnd);
    if (a == null) {
      return null;
    }
    set.injected.merge(a.kind(), 1, Integer::sum);
    return new Example(a.features(), tokens, 1, w.end);
  }

  /** A burst of novel WARN/ERROR templates; the error counts rise with it only half the time. */
  private static Example novelErrors(TrainingSet set, float[] x, float[] tokens, WindowAssembly w,
      LogTokenInjector logInjector, Random rnd) {
    float[] t = logInjector.withNovelErrors(tokens, w.service, rnd);
    if (t == null) {
      return null;
    }
    float[] y = x.clone();
    FeatureSchema s = set.schema;
    if (rnd.nextBoolean() && y[s.logMaskChannel() * s.steps() + s.steps() - 1] > 0) {
      int len = 1 + rnd.nextInt(s.steps() / 2);
      double size = 1 + 5 * rnd.nextDouble();
      for (int step = s.steps() - len; step < s.steps(); step++) {
        int i = s.errorChannel() * s.steps() + step;
        y[i] = s.shifted(y[i], size);
      }
    }
    set.synthetic.merge("NOVEL_ERROR_TEMPLATES", 1, Integer::sum);
    return new Example(y, t, 1, w.end);
  }

  /** A benign change: traffic surge, deploy-like shift (with novel INFO lines) or novel INFO lines. */
  private static Example benign(TrainingSet set, BenignInjector benign, float[] x, float[] tokens,
      WindowAssembly w, LogTokenInjector logInjector, Random rnd) {
    int choice = rnd.nextInt(logInjector == null ? 2 : 3);
    float[] y = choice == 2 ? x : benign.inject(x, BenignInjector.Kind.values()[choice], rnd);
    if (y == null) {
      return null;
    }
    float[] t = tokens;
    if (logInjector != null && (choice == 2 || rnd.nextBoolean())) {
      float[] withInfo = logInjector.withNovelInfo(tokens, w.service, rnd);
      t = withInfo == null ? tokens : withInfo;
      if (choice == 2 && withInfo == null) {
        return null;
      }
    }
    set.synthetic.merge(choice == 2 ? "BENIGN_NOVEL_INFO" : "BENIGN_" + BenignInjector.Kind.values()[choice],
        1, Integer::sum);
    return new Example(y, t, -1, w.end);
  }

  /** True when the newest step has a usable metric channel or a learned log baseline. */
  public static boolean hasUsableChannel(FeatureSchema schema, float[] x) {
    int steps = schema.steps();
    for (int m = 0; m < schema.metrics().size(); m++) {
      if (x[schema.maskChannel(m) * steps + steps - 1] > 0) {
        return true;
      }
    }
    return x[schema.logMaskChannel() * steps + steps - 1] > 0;
  }

  /** True when the window overlaps one of the labels of its key. */
  private static boolean overlaps(WindowAssembly w, List<Label> labels) {
    for (Label l : labels) {
      if (l.sameTarget(w.provider, w.service) && w.start <= l.end().toEpochMilli()
          && w.end > l.start().toEpochMilli()) {
        return true;
      }
    }
    return false;
  }
}
