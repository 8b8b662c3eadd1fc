package dev.stormwatch.model;

import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.eval.Label;
import dev.stormwatch.event.TelemetryEvent;
import dev.stormwatch.model.peers.ForecasterTraining;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code train.sh}: replays input-contract files through the baseline's panes and windows, builds
 * self-supervised (and, with {@code --incidents}, labelled) examples and trains a hybrid model
 * artifact into {@code --model-out}.
 */
public final class TrainCommand {
  static final String USAGE = "usage: train.sh --input FILE [--input FILE ...] [--warmup FILE]"
      + " [--incidents incidents.json ...] [--benign benign.json] [--benign-repeat N] --model-out models/<name>/<version> [--seed N] [--epochs N]"
      + " [--log-branch on|off] [--log-tokens N] [--benign-fraction F]"
      + " [--architecture full|cnn-only|bilstm-only|concat|logistic] [--channels N|NAME,NAME,...]"
      + " [--ensemble N] [--compress-above SIGMAS] [--coupling R] [--offset-fraction F] [--network hybrid|gnn]";

  /**
   * Correlation from which {@code train.sh} moves channels together in injected anomalies unless
   * {@code --coupling} says otherwise: one quantity reported twice (CPU in millicores and in
   * percent, memory in MiB and in percent, neighbouring latency percentiles), not cause and effect
   * (CPU with requests correlate 0.83-0.88 in the simulator and stay apart). docs/hybrid-model.md,
   * "Correlated channels move together".
   */
  static final double DEFAULT_COUPLING = 0.95;

  /** Most seed-ensemble members one artifact may have. */
  static final int MAX_ENSEMBLE = 10;

  /** Template-embedding cache capacity of a training run (the whole run shares one cache). */
  static final int TRAINING_CACHE = 1 << 16;

  private TrainCommand() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args) throws Exception {
    List<Path> inputs = new ArrayList<>();
    List<Path> warmup = new ArrayList<>();
    List<Path> incidents = new ArrayList<>();
    Path out = null;
    long seed = 1;
    Integer epochs = null;
    boolean logBranch = true;
    Integer logTokens = null;
    Double benignFraction = null;
    Path benign = null;
    int benignRepeat = 5;
    Architecture architecture = Architecture.FULL;
    String channels = null;
    int ensemble = 1;
    Double compressAbove = null;
    double coupling = DEFAULT_COUPLING;
    Double offsetFraction = null;
    String network = "hybrid";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println(USAGE);
        return 0;
      }
      if (i + 1 >= args.length) {
        return usage("missing value for " + a);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--input" -> inputs.add(Path.of(v));
          case "--warmup" -> warmup.add(Path.of(v));
          case "--incidents" -> incidents.add(Path.of(v));
          case "--benign" -> benign = Path.of(v);
          case "--benign-repeat" -> benignRepeat = Integer.parseInt(v);
          case "--model-out" -> out = Path.of(v);
          case "--seed" -> seed = Long.parseLong(v);
          case "--epochs" -> epochs = Integer.parseInt(v);
          case "--log-tokens" -> logTokens = Integer.parseInt(v);
          case "--benign-fraction" -> benignFraction = Double.parseDouble(v);
          case "--architecture" -> architecture = Architecture.parse(v);
          case "--channels" -> channels = v;
          case "--ensemble" -> ensemble = Integer.parseInt(v);
          case "--compress-above" -> compressAbove = Double.parseDouble(v);
          case "--coupling" -> coupling = Double.parseDouble(v);
          case "--offset-fraction" -> offsetFraction = Double.parseDouble(v);
          case "--network" -> {
            if (!v.equals("hybrid") && !v.equals("gnn")) {
              return usage("--network must be hybrid or gnn, got " + v);
            }
            network = v;
          }
          case "--log-branch" -> {
            if (!v.equals("on") && !v.equals("off")) {
              return usage("--log-branch must be on or off, got " + v);
            }
            logBranch = v.equals("on");
          }
          default -> {
            return usage("unknown option " + a);
          }
        }
      } catch (NumberFormatException e) {
        return usage(a + ": not a number: " + v);
      } catch (IllegalArgumentException e) {
        return usage(e.getMessage());
      }
    }
    if (inputs.isEmpty() || out == null) {
      return usage("--input and --model-out are required");
    }
    if (ensemble < 1 || ensemble > MAX_ENSEMBLE) {
      return usage("--ensemble must be 1.." + MAX_ENSEMBLE + ", got " + ensemble);
    }
    if (network.equals("gnn") && ensemble > 1) {
      return usage("--ensemble applies to the hybrid network, not gnn");
    }
    TrainingOptions options = TrainingOptions.defaults(out.getFileName().toString(), seed);
    if (epochs != null) {
      options = options.withEpochs(epochs);
    }
    if (logTokens != null) {
      options = options.withLogTokens(logTokens);
    }
    if (!logBranch || network.equals("gnn")) {
      options = options.withLogTokens(0);
    }
    if (benignFraction != null) {
      options = options.withBenignFraction(benignFraction);
    }
    options = options.withArchitecture(architecture);
    if (compressAbove != null) {
      try {
        options = options.withCompressAbove(compressAbove);
      } catch (IllegalArgumentException e) {
        return usage("--compress-above must be 0 (none) or below the clip " + options.clip()
            + ", got " + compressAbove);
      }
    }
    try {
      options = options.withCoupling(coupling);
    } catch (IllegalArgumentException e) {
      return usage("--coupling must be a correlation in 0..1 (0: off), got " + coupling);
    }
    if (offsetFraction != null) {
      try {
        options = options.withOffsetFraction(offsetFraction);
      } catch (IllegalArgumentException e) {
        return usage("--offset-fraction must be in 0..1 (0: off), got " + offsetFraction);
      }
    }
    if (channels != null) {
      try {
        options = withChannels(options, channels);
      } catch (IllegalArgumentException e) {
        return usage(e.getMessage());
      }
    }
    long started = System.nanoTime();
    TelemetryFiles files = new TelemetryFiles();
    List<TelemetryEvent> events = files.readAll(warmup, inputs);
    BaselineConfig cfg = BaselineConfig.defaults();
    List<WindowAssembly> windows = WindowReplay.windows(events, cfg);
    List<Label> labels = new ArrayList<>();
    for (Path f : incidents) {
      labels.addAll(Label.read(f));
    }
    LogBranch logs = options.logTokens() > 0
        ? new LogBranch(EmbeddingModel.bundled(), options.logTokens(), TRAINING_CACHE) : null;
    List<Label> benignLabels = benign == null ? List.of() : Label.read(benign);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("inputs", inputs.stream().map(Path::toString).toList());
    summary.put("warmup", warmup.stream().map(Path::toString).toList());
    summary.put("incidents", incidents.isEmpty() ? null
        : incidents.size() == 1 ? incidents.get(0).toString()
        : incidents.stream().map(Path::toString).toList());
    if (benign != null) {
      summary.put("benign", benign.toString());
      summary.put("benign_repeat", benignRepeat);
    }
    if (network.equals("gnn")) {
      return ForecasterTraining.run(windows, labels, benignLabels, benignRepeat, options, summary,
          out, cfg.stepMillis, started);
    }
    ModelManifest lead = null;
    List<String> members = new ArrayList<>();
    // the lead (seed S) goes into --model-out, ensemble member K (seed S + K - 1) into member-K;
    // each builds its own examples, so only one set is in the heap at a time
    for (int k = 1; k <= ensemble; k++) {
      TrainingOptions o = options.withSeed(options.seed() + k - 1);
      TrainingSet set;
      try {
        set = TrainingSet.build(windows, labels, benignLabels, benignRepeat, o, logs,
            new Random(o.seed()));
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      if (k == 1) {
        describe(set, events.size(), files.rejected(), windows.size(), started, logs);
        if (benign != null) {
          summary.put("benign_windows", set.labelledBenign);
        }
        summary.put("records", events.size());
      }
      String member = "member-" + k;
      HybridTrainer trainer = new HybridTrainer(o);
      ModelManifest m;
      try {
        m = trainer.train(set, cfg.stepMillis, summary, k == 1 ? out : out.resolve(member));
      } catch (TrainingDivergedException e) {
        return diverged(e, k, ensemble, o.seed(), out);
      }
      if (k == 1) {
        lead = m;
        System.out.printf("trained %s (%d parameters) in %.1f s%s: epoch losses %s; held-out %s%n",
            out, m.trainableParameters, (System.nanoTime() - started) / 1e9,
            trainer.attempts() > 1 ? " (" + trainer.attempts() + " attempts)" : "",
            trainer.epochLosses(), m.evaluation);
      } else {
        members.add(member);
        System.out.printf("ensemble member %d of %d (seed %d): held-out %s%n", k, ensemble,
            o.seed(), m.evaluation);
      }
    }
    if (!members.isEmpty()) {
      lead.ensembleMembers = members;
      lead.write(out.resolve(ModelManifest.FILE));
    }
    return 0;
  }

  /**
   * Reports a run that diverged on every attempt; a half-built ensemble's lead manifest is removed,
   * so the job refuses the directory instead of serving the lead alone. Returns exit code 2.
   */
  static int diverged(TrainingDivergedException e, int member, int ensemble, long seed, Path out)
      throws IOException {
    String which = ensemble == 1 ? "" : " of ensemble member " + member + " of " + ensemble;
    System.err.printf("training%s (seed %d) diverged on all %d attempts: %s%n", which, seed,
        HybridTrainer.MAX_ATTEMPTS, e.getMessage());
    if (member > 1 && Files.deleteIfExists(out.resolve(ModelManifest.FILE))) {
      System.err.printf("removed %s: the ensemble is incomplete and must not be served%n",
          out.resolve(ModelManifest.FILE));
    }
    return 2;
  }

  /** Prints what the replay gave the training run. */
  private static void describe(TrainingSet set, int records, long rejected, int windows,
      long started, LogBranch logs) {
    System.out.printf("replayed %d records (%d rejected) into %d windows in %.1f s; %d train / %d"
        + " held-out examples, channels %s%n", records, rejected, windows,
        (System.nanoTime() - started) / 1e9, set.train.size(), set.holdout.size(), set.schema.metrics());
    if (!set.unusedMetrics.isEmpty()) {
      System.out.printf("not model channels (--channels chooses): %s%n", set.unusedMetrics);
    }
    if (logs != null) {
      System.out.printf("log branch: %d templates embedded (%d cache hits) by %s%n",
          logs.cache().misses(), logs.cache().hits(), logs.model().id());
    }
  }

  /** {@code --channels}: a count keeps the most frequent metrics, a comma list names them. */
  static TrainingOptions withChannels(TrainingOptions options, String value) {
    if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new IllegalArgumentException("--channels must be at least 1, got " + value);
      }
      return options.withVocabularySize(n);
    }
    List<String> names = Arrays.stream(value.split(",")).map(String::trim).toList();
    if (names.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("--channels: an empty name in " + value);
    }
    return options.withChannels(names);
  }

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    return 2;
  }
}
