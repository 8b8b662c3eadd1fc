package dev.stormwatch.model;

import dev.stormwatch.config.JobConfig;
import dev.stormwatch.detect.BaselineConfig;
import dev.stormwatch.detect.BaselineDetector;
import dev.stormwatch.detect.DetectionResult;
import dev.stormwatch.detect.Detector;
import dev.stormwatch.detect.FusedDetector;
import dev.stormwatch.eval.ScenarioReport;
import dev.stormwatch.model.peers.PeerDetector;
import dev.stormwatch.model.peers.PeerKind;
import dev.stormwatch.model.peers.PeerModel;
import dev.stormwatch.window.WindowAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code hybrid-ablation.sh}: the paper's ablation on a labelled scenario. Replays warm-up and live
 * files once; trains each variant (full, log branch off, CNN only, BiLSTM only, concatenation
 * instead of attention, logistic head instead of the RBF Deep-SVM) and, on request, the paper's
 * comparison networks ({@code tcn}, {@code vae}, {@code gan}, {@code gnn}: {@link PeerModel}, on
 * the telemetry examples) and fused pairs ({@code full+gnn}: {@link FusedDetector}) on the warm-up
 * windows with the same seed and epochs, scores all windows and reports the held-out AUC and the
 * scenario scores (score decision, the hybrid's default) as a markdown table, with the baseline
 * for reference.
 */
public final class AblationCommand {
  static final String USAGE = "usage: hybrid-ablation.sh --warmup FILE --input FILE --incidents FILE"
      + " [--benign FILE] [--scenario FILE] [--epochs N] [--seed N] [--out DIR]"
      + " [--variants full,logs-off,cnn-only,bilstm-only,concat,logistic,tcn,vae,gan,gnn,full+gnn]"
      + " [--compress-above SIGMAS] [--fusion bayes|tail]";

  private final TrainingOptions base;
  private final Path out;
  private final ScenarioScoring scenario;
  private final List<WindowAssembly> history;
  private final EmbeddingModel embedding;
  private final LogBranch shared;
  /** Training sets by whether they carry log tokens, built once. */
  private final Map<Boolean, TrainingSet> sets = new LinkedHashMap<>();
  /** Hybrid variants trained in this run, by name. */
  private final Map<String, ModelManifest> trained = new LinkedHashMap<>();

  private AblationCommand(TrainingOptions base, Path out, ScenarioScoring scenario)
      throws IOException {
    this.base = base;
    this.out = out;
    this.scenario = scenario;
    this.history = scenario.windows().stream().filter(w -> !w.live).toList();
    this.embedding = EmbeddingModel.bundled();
    this.shared = new LogBranch(embedding, LogBranch.DEFAULT_TOKENS, TrainCommand.TRAINING_CACHE);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = ScenarioScoring.options(args);
    if (!opt.containsKey("--warmup") || !opt.containsKey("--input") || !opt.containsKey("--incidents")) {
      System.err.println(USAGE);
      System.exit(2);
    }
    int epochs = Integer.parseInt(opt.getOrDefault("--epochs", "3"));
    long seed = Long.parseLong(opt.getOrDefault("--seed", "42"));
    TrainingOptions base = TrainingOptions.defaults("ablation", seed).withEpochs(epochs)
        .withCompressAbove(Double.parseDouble(opt.getOrDefault("--compress-above",
            Double.toString(TrainingOptions.DEFAULT_COMPRESS_ABOVE))));
    FusedDetector.Rule rule = FusedDetector.Rule.parse(opt.getOrDefault("--fusion", "bayes"));
    Path out = Path.of(opt.getOrDefault("--out", "out/hybrid-ablation"));
    List<String> variants = List.of(opt.getOrDefault("--variants",
        "full,logs-off,cnn-only,bilstm-only,concat,logistic").split(","));
    long t0 = System.nanoTime();
    ScenarioScoring scenario = ScenarioScoring.load(opt);
    double replaySeconds = (System.nanoTime() - t0) / 1e9;
    AblationCommand run = new AblationCommand(base, out, scenario);
    System.out.printf("replayed %d windows (%d warm-up) in %.1f s%n", scenario.windows().size(),
        run.history.size(), replaySeconds);
    List<String> rows = new ArrayList<>();
    try (Detector baseline = new BaselineDetector()) {
      rows.add(run.row("baseline-1", Double.NaN, Double.NaN, 0, baseline));
    }
    for (String variant : variants) {
      rows.add(variant.contains("+") ? run.fusedRow(variant, rule)
          : PeerKind.isPeer(variant) ? run.peerRow(PeerKind.parse(variant))
          : run.hybridRow(variant));
      System.out.println(rows.get(rows.size() - 1));
    }
    String table = header() + "\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(out);
    Files.writeString(out.resolve("ablation.md"), table);
    System.out.printf("%n%s%nwritten to %s (%.0f s in all)%n", table, out.resolve("ablation.md"),
        (System.nanoTime() - t0) / 1e9);
  }

  /** The options of a variant: its architecture, log tokens unless it is logs-off or a peer. */
  private TrainingOptions options(String variant) {
    boolean logs = !variant.equals("logs-off") && !PeerKind.isPeer(variant);
    return base.withModelVersion(variant)
        .withArchitecture(Architecture.parse(logs ? variant : "full"))
        .withLogTokens(logs ? LogBranch.DEFAULT_TOKENS : 0);
  }

  /** The shared training set for these options (with or without log tokens). */
  private TrainingSet set(TrainingOptions options) {
    return sets.computeIfAbsent(options.logTokens() > 0, logs -> TrainingSet.fromHistory(history,
        options, logs ? shared : null, new Random(options.seed())));
  }

  /** Trains a hybrid variant into {@code out/<variant>}, once per run. */
  private ModelManifest train(String variant) throws IOException {
    ModelManifest m = trained.get(variant);
    if (m == null) {
      TrainingOptions options = options(variant);
      m = new HybridTrainer(options).train(set(options), BaselineConfig.defaults().stepMillis,
          Map.of("ablation", variant), out.resolve(variant));
      trained.put(variant, m);
    }
    return m;
  }

  private HybridModel load(String variant) throws IOException {
    return HybridModel.load(out.resolve(variant), BaselineConfig.defaults().stepMillis,
        BaselineConfig.defaults().windowSteps, () -> embedding);
  }

  /** Trains a hybrid variant and scores the scenario with it. */
  private String hybridRow(String variant) throws IOException {
    long started = System.nanoTime();
    ModelManifest m = train(variant);
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    try (HybridDetector detector = new HybridDetector(load(variant))) {
      return row(variant, (Double) m.evaluation.get("auc"), trainSeconds, m.trainableParameters,
          detector);
    }
  }

  /** Trains a comparison network on the telemetry examples and scores the scenario with it. */
  private String peerRow(PeerKind kind) throws IOException {
    TrainingOptions options = options(kind.id());
    try (PeerDetector detector = new PeerDetector(PeerModel.train(kind, set(options), options))) {
      PeerModel m = detector.model();
      return row(detector.modelVersion(), m.holdoutAuc(), m.trainSeconds(), m.parameters(),
          detector);
    }
  }

  /**
   * {@code VARIANT+PEER}: the hybrid variant trained earlier in this run (or now) fused with a
   * comparison network trained on the telemetry examples ({@link FusedDetector}).
   */
  private String fusedRow(String name, FusedDetector.Rule rule) throws IOException {
    String[] parts = name.split("\\+", 2);
    train(parts[0]);
    PeerKind kind = PeerKind.parse(parts[1]);
    TrainingOptions options = options(kind.id());
    PeerDetector peer = new PeerDetector(PeerModel.train(kind, set(options), options));
    HybridModel hybrid;
    try {
      hybrid = load(parts[0]);
    } catch (IOException | RuntimeException e) {
      peer.close();
      throw e;
    }
    try (FusedDetector detector = new FusedDetector(new HybridDetector(hybrid), peer, rule,
        peer.model().calibrationPrior())) {
      return row(name, Double.NaN, Double.NaN, 0, detector);
    }
  }

  private static String header() {
    return "| variant | params | held-out AUC | train s | detected | FA (benign) | F1 | delay median"
        + " (min) | posterior: detected / FA / F1 |\n|---|---|---|---|---|---|---|---|---|";
  }

  /** The table row of a detector's scores on the scenario (both decisions). */
  private String row(String name, double auc, double seconds, long params, Detector detector)
      throws IOException {
    List<DetectionResult> results = ScenarioScoring.score(detector, scenario.windows());
    JobConfig job = new JobConfig();
    ScenarioReport s = scenario.evaluate(ScenarioScoring.alerts(results, job, false));
    ScenarioReport p = scenario.evaluate(ScenarioScoring.alerts(results, job, true));
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d / %d | %d (%d) | %s | %s | %d / %d / %s |",
        name, params == 0 ? "-" : Long.toString(params), Double.isNaN(auc) ? "-" : String.format(Locale.ROOT, "%.3f", auc),
        Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.0f", seconds),
        s.detected(), s.incidents(), s.falseAlarms(), s.benignAlerts(), fmt(s.f1()),
        s.detectionDelayMedianS() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.detectionDelayMedianS() / 60),
        p.detected(), p.falseAlarms(), fmt(p.f1()));
  }

  private static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
