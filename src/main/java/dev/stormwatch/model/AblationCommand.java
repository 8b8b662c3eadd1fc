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
 * windows with the same seed and epochs, scores all windows and reports the held-out AUC and the scenario scores (score decision, the hybrid's default) as a
 * markdown table, with the baseline for reference.
 */
public final class AblationCommand {
  static final String USAGE = "usage: hybrid-ablation.sh --warmup FILE --input FILE --incidents FILE"
      + " [--benign FILE] [--scenario FILE] [--epochs N] [--seed N] [--out DIR]"
      + " [--variants full,logs-off,cnn-only,bilstm-only,concat,logistic,tcn,vae,gan,gnn,full+gnn]"
      + " [--compress-above SIGMAS] [--fusion bayes|tail]";

  private AblationCommand() {}

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
    Path out = Path.of(opt.getOrDefault("--out", "out/hybrid-ablation"));
    List<String> variants = List.of(opt.getOrDefault("--variants",
        "full,logs-off,cnn-only,bilstm-only,concat,logistic").split(","));
    long t0 = System.nanoTime();
    ScenarioScoring scenario = ScenarioScoring.load(opt);
    List<WindowAssembly> history = scenario.windows().stream().filter(w -> !w.live).toList();
    System.out.printf("replayed %d windows (%d warm-up) in %.1f s%n", scenario.windows().size(),
        history.size(), (System.nanoTime() - t0) / 1e9);
    List<String> rows = new ArrayList<>();
    try (Detector baseline = new BaselineDetector()) {
      rows.add(row("baseline-1", Double.NaN, Double.NaN, 0, scenario,
          ScenarioScoring.score(baseline, scenario.windows())));
    }
    EmbeddingModel embedding = EmbeddingModel.bundled();
    LogBranch shared = new LogBranch(embedding, LogBranch.DEFAULT_TOKENS, TrainCommand.TRAINING_CACHE);
    Map<Boolean, TrainingSet> sets = new LinkedHashMap<>();
    for (String variant : variants) {
      if (variant.contains("+")) {
        rows.add(fusedRow(variant, out, sets, history, shared, embedding, base,
            FusedDetector.Rule.parse(opt.getOrDefault("--fusion", "bayes")), scenario));
        System.out.println(rows.get(rows.size() - 1));
        continue;
      }
      boolean peer = PeerKind.isPeer(variant);
      boolean logs = !variant.equals("logs-off") && !peer;
      TrainingOptions options = base.withModelVersion(variant)
          .withArchitecture(Architecture.parse(logs ? variant : "full"))
          .withLogTokens(logs ? LogBranch.DEFAULT_TOKENS : 0);
      TrainingSet set = sets.computeIfAbsent(logs, l -> TrainingSet.fromHistory(history, options,
          l ? shared : null, new Random(options.seed())));
      if (peer) {
        rows.add(peerRow(PeerKind.parse(variant), set, options, scenario));
        System.out.println(rows.get(rows.size() - 1));
        continue;
      }
      long started = System.nanoTime();
      Path dir = out.resolve(variant);
      ModelManifest m = new HybridTrainer(options).train(set, BaselineConfig.defaults().stepMillis,
          Map.of("ablation", variant), dir);
      double trainSeconds = (System.nanoTime() - started) / 1e9;
      try (HybridDetector detector = new HybridDetector(HybridModel.load(dir,
          BaselineConfig.defaults().stepMillis, BaselineConfig.defaults().windowSteps, () -> embedding))) {
        rows.add(row(variant, (Double) m.evaluation.get("auc"), trainSeconds,
            m.trainableParameters, scenario, ScenarioScoring.score(detector, scenario.windows())));
      }
      System.out.println(rows.get(rows.size() - 1));
    }
    String table = header() + "\n" + String.join("\n", rows) + "\n";
    Files.createDirectories(out);
    Files.writeString(out.resolve("ablation.md"), table);
    System.out.printf("%n%s%nwritten to %s (%.0f s in all)%n", table, out.resolve("ablation.md"),
        (System.nanoTime() - t0) / 1e9);
  }

  /**
   * {@code VARIANT+PEER}: the hybrid variant trained earlier in this run (or now) fused with a
   * comparison network trained on the telemetry examples ({@link FusedDetector}).
   */
  private static String fusedRow(String name, Path out, Map<Boolean, TrainingSet> sets,
      List<WindowAssembly> history, LogBranch shared, EmbeddingModel embedding, TrainingOptions base,
      FusedDetector.Rule rule, ScenarioScoring scenario) throws IOException {
    String[] parts = name.split("\\+", 2);
    boolean logs = !parts[0].equals("logs-off");
    Path dir = out.resolve(parts[0]);
    if (!Files.isRegularFile(dir.resolve(ModelManifest.FILE))) {
      TrainingOptions options = base.withModelVersion(parts[0])
          .withArchitecture(Architecture.parse(logs ? parts[0] : "full"))
          .withLogTokens(logs ? LogBranch.DEFAULT_TOKENS : 0);
      TrainingSet set = sets.computeIfAbsent(logs, l -> TrainingSet.fromHistory(history, options,
          l ? shared : null, new Random(options.seed())));
      new HybridTrainer(options).train(set, BaselineConfig.defaults().stepMillis,
          Map.of("ablation", parts[0]), dir);
    }
    PeerKind kind = PeerKind.parse(parts[1]);
    TrainingOptions peerOptions = base.withModelVersion(kind.id()).withLogTokens(0);
    TrainingSet set = sets.computeIfAbsent(false, l -> TrainingSet.fromHistory(history, peerOptions,
        null, new Random(peerOptions.seed())));
    PeerDetector peer = new PeerDetector(PeerModel.train(kind, set, peerOptions));
    HybridModel hybrid;
    try {
      hybrid = HybridModel.load(dir, BaselineConfig.defaults().stepMillis,
          BaselineConfig.defaults().windowSteps, () -> embedding);
    } catch (IOException | RuntimeException e) {
      peer.close();
      throw e;
    }
    try (FusedDetector detector = new FusedDetector(new HybridDetector(hybrid), peer, rule,
        peer.model().calibrationPrior())) {
      return row(name, Double.NaN, Double.NaN, 0, scenario,
          ScenarioScoring.score(detector, scenario.windows()));
    }
  }

  /** Trains a comparison network on the telemetry examples and scores the scenario with it. */
  private static String peerRow(PeerKind kind, TrainingSet set, TrainingOptions options,
      ScenarioScoring scenario) throws IOException {
    try (PeerDetector detector = new PeerDetector(PeerModel.train(kind, set, options))) {
      PeerModel m = detector.model();
      return row(detector.modelVersion(), m.holdoutAuc(), m.trainSeconds(), m.parameters(),
          scenario, ScenarioScoring.score(detector, scenario.windows()));
    }
  }

  private static String header() {
    return "| variant | params | held-out AUC | train s | detected | FA (benign) | F1 | delay median"
        + " (min) | posterior: detected / FA / F1 |\n|---|---|---|---|---|---|---|---|---|";
  }

  private static String row(String name, double auc, double seconds, long params,
      ScenarioScoring scenario, List<DetectionResult> results) throws IOException {
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
